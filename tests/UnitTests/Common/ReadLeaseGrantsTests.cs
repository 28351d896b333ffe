using Microsoft.Extensions.Time.Testing;
using OrderActors.Common;

namespace OrderActors.Tests.Common;

public sealed class ReadLeaseGrantsTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(4);
    private static readonly GrainId Subject = GrainId.Create("sku-stock", "TEA");
    private readonly FakeTimeProvider _time = new();
    private DateTimeOffset? _windowInState;

    [Fact]
    public async Task A_change_waits_until_every_holder_has_dropped_what_it_was_lent()
    {
        var grants = Lending();
        var slow = new Holder();
        var quick = new Holder { Answers = true };
        grants.Lend(slow);
        grants.Lend(quick);

        var change = grants.Change(Subject);

        await StaysPending(change);
        Assert.Equal([Subject], quick.Revoked);
        slow.Answer();
        using (await change.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal([Subject], slow.Revoked);
        }
    }

    [Fact]
    public async Task A_holder_that_does_not_answer_holds_a_change_up_until_its_lease_has_run_out_and_no_longer()
    {
        var grants = Lending();
        grants.Lend(new Holder());
        _time.Advance(TimeSpan.FromSeconds(1));

        var change = grants.Change(Subject);

        _time.Advance(TimeSpan.FromSeconds(2.9));
        await StaysPending(change);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await change.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Nothing_is_lent_while_a_change_runs_and_a_lease_that_ran_out_is_not_revoked()
    {
        var grants = Lending();
        var expired = new Holder();
        grants.Lend(expired);
        _time.Advance(Lease);
        var holder = new Holder();
        grants.Lend(holder);

        var change = grants.Change(Subject);

        Assert.Equal(TimeSpan.Zero, grants.Lend(new Holder()));
        await StaysPending(change);
        holder.Answer();
        (await change.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Empty(expired.Revoked);
        Assert.Equal(Lease, grants.Lend(new Holder()));
    }

    [Fact]
    public async Task An_activation_that_finds_a_lending_window_open_holds_its_first_change_until_it_closes()
    {
        var stored = _time.GetUtcNow() + TimeSpan.FromSeconds(10);
        var grants = Grants(stored);

        var change = grants.Change(Subject);

        // The window, and a second for the difference between silos' clocks.
        _time.Advance(TimeSpan.FromSeconds(11) - TimeSpan.FromMilliseconds(1));
        await StaysPending(change);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await change.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.True(Grants(_time.GetUtcNow() - TimeSpan.FromSeconds(1)).Change(Subject).IsCompletedSuccessfully);
    }

    [Fact]
    public void Nothing_is_lent_beyond_the_stored_window_and_a_closing_window_asks_to_be_widened()
    {
        var grants = Grants(default);
        Assert.Equal(TimeSpan.Zero, grants.Lend(new Holder()));

        var window = grants.WindowToStore();
        Assert.Equal(_time.GetUtcNow() + 3 * Lease, window);
        grants.Stored(window!.Value);
        Assert.Equal(Lease, grants.Lend(new Holder()));
        Assert.Null(grants.WindowToStore());

        _time.Advance(Lease + TimeSpan.FromSeconds(0.5));
        Assert.Equal(Lease, grants.Lend(new Holder()));
        Assert.NotNull(grants.WindowToStore());
        _time.Advance(Lease);
        Assert.Equal(TimeSpan.Zero, grants.Lend(new Holder()));
    }

    [Fact]
    public async Task A_write_carries_a_wider_window_when_the_stored_one_closes_and_lends_under_it_once_stored()
    {
        var grants = Grants(default);
        var lentDuringWrite = TimeSpan.MaxValue;

        await grants.Write(() =>
        {
            lentDuringWrite = grants.Lend(new Holder());
            return Task.CompletedTask;
        });

        Assert.Equal(TimeSpan.Zero, lentDuringWrite);
        Assert.Equal(_time.GetUtcNow() + 3 * Lease, _windowInState);
        Assert.Equal(Lease, grants.Lend(new Holder()));
        _windowInState = null;
        await grants.Write(() => Task.CompletedTask);
        Assert.Null(_windowInState);
    }

    [Fact]
    public async Task Leaving_revokes_what_was_lent_stores_a_closed_window_once_and_never_closes_an_earlier_activations_window()
    {
        var grants = Lending();
        var holder = new Holder { Answers = true };
        grants.Lend(holder);

        var stored = 0;
        Assert.Null(await grants.Leave(Subject, () => Task.FromResult(stored++)));
        Assert.Equal(1, stored);
        Assert.Equal(default(DateTimeOffset), _windowInState);

        Assert.Equal([Subject], holder.Revoked);
        Assert.Equal(TimeSpan.Zero, grants.Lend(new Holder()));
        Assert.Null(grants.WindowToStore());
        await grants.Leave(Subject, () => Task.FromResult(stored++));
        await Grants(default).Leave(Subject, () => Task.FromResult(stored++));
        await Grants(_time.GetUtcNow() + Lease).Leave(Subject, () => Task.FromResult(stored++));
        Assert.Equal(1, stored);
        var failing = Lending();
        Assert.IsType<InvalidOperationException>(await failing.Leave(Subject, () => throw new InvalidOperationException("storage down")));
    }

    private ReadLeaseGrants Grants(DateTimeOffset storedWindow) => new(_time, Lease, storedWindow, until => _windowInState = until);

    private ReadLeaseGrants Lending()
    {
        var grants = Grants(default);
        grants.Stored(grants.WindowToStore()!.Value);
        return grants;
    }

    private static async Task StaysPending(Task task)
    {
        await Task.Delay(50);
        Assert.False(task.IsCompleted);
    }

    private sealed class Holder : IReadLeaseHolder
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Answers { get; init; }

        public List<GrainId> Revoked { get; } = [];

        public void Answer() => _answer.TrySetResult();

        public Task Revoke(GrainId subject)
        {
            Revoked.Add(subject);
            return Answers ? Task.CompletedTask : _answer.Task;
        }
    }
}
