using OrderActors.Idempotency;

namespace OrderActors.Tests.Idempotency;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyGrainTests(ClusterFixture fixture)
{
    private static readonly StoredResponse Created = new(201, "application/json", "{}"u8.ToArray(), "/api/orders/X");

    [Fact]
    public async Task Twenty_concurrent_uses_of_a_key_execute_once_and_the_rest_replay()
    {
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>($"p/{Guid.NewGuid()}");

        var decisions = Enumerable.Range(0, 20).Select(i => grain.Begin("hash", $"id-{i}", TimeSpan.FromSeconds(10))).ToList();
        var first = await Task.WhenAny(decisions);
        Assert.Equal(IdempotencyOutcome.Execute, (await first).Outcome);
        await grain.Complete("hash", Created);
        var all = await Task.WhenAll(decisions);

        Assert.Single(all, d => d.Outcome == IdempotencyOutcome.Execute);
        Assert.Equal(19, all.Count(d => d.Outcome == IdempotencyOutcome.Replay && d.Response!.StatusCode == 201));
        Assert.Single(all.Select(d => d.ResourceId).Distinct());
    }

    [Fact]
    public async Task A_different_request_under_the_same_key_is_a_mismatch()
    {
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>($"p/{Guid.NewGuid()}");
        await grain.Begin("one", "id", TimeSpan.FromSeconds(1));
        await grain.Complete("one", Created);

        Assert.Equal(IdempotencyOutcome.Mismatch, (await grain.Begin("two", "id2", TimeSpan.FromSeconds(1))).Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, (await grain.Begin("one", "id3", TimeSpan.FromSeconds(1))).Outcome);
    }

    [Fact]
    public async Task An_abandoned_request_runs_again_under_the_same_resource_id()
    {
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>($"p/{Guid.NewGuid()}");
        var first = await grain.Begin("h", "original", TimeSpan.FromSeconds(1));
        var waiting = grain.Begin("h", "other", TimeSpan.FromSeconds(10));
        await grain.Abandon("h");
        var retry = await waiting;

        Assert.Equal(IdempotencyOutcome.Execute, retry.Outcome);
        Assert.Equal(first.ResourceId, retry.ResourceId);
    }

    [Fact]
    public async Task A_request_still_running_answers_in_progress_after_the_wait()
    {
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>($"p/{Guid.NewGuid()}");
        await grain.Begin("h", "id", TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyOutcome.InProgress, (await grain.Begin("h", "id", TimeSpan.FromMilliseconds(200))).Outcome);
    }

    [Fact]
    public async Task A_run_nobody_finishes_is_taken_over_after_the_lease_and_its_waiters_follow_the_new_one()
    {
        // The cluster's lease is 2 s (ClusterFixture). The first run is told to execute and never reports back,
        // as when its caller timed out before that answer arrived.
        var grain = fixture.Grains.GetGrain<IIdempotencyGrain>($"p/{Guid.NewGuid()}");
        var first = await grain.Begin("h", "original", TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyOutcome.InProgress, (await grain.Begin("h", "other", TimeSpan.FromMilliseconds(300))).Outcome);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var takeover = await grain.Begin("h", "other", TimeSpan.FromSeconds(1));
        var waiting = grain.Begin("h", "third", TimeSpan.FromSeconds(5));
        await grain.Complete("h", Created);

        Assert.Equal(IdempotencyOutcome.Execute, takeover.Outcome);
        Assert.Equal(first.ResourceId, takeover.ResourceId);
        Assert.Equal(IdempotencyOutcome.Replay, (await waiting).Outcome);
    }
}
