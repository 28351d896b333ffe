using Microsoft.Extensions.Options;
using OrderActors.Common;
using Orleans.Concurrency;

namespace OrderActors.Idempotency;

/// <summary>
/// Remembers one Idempotency-Key: the request it was first used with and the response it got.
/// Reentrant so that concurrent retries can wait here while the first request completes.
/// </summary>
[Reentrant]
[GrainType("idempotency")]
public sealed class IdempotencyGrain(
    [PersistentState("key", StorageNames.Idempotency)] IPersistentState<IdempotencyState> store,
    IOptions<IdempotencyOptions> options,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    /// <summary>How long a key is remembered (API.md promises at least 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    private TaskCompletionSource<StoredResponse?>? _running;
    private DateTimeOffset _runningSince;

    private IdempotencyState State => store.State;

    public async Task<IdempotencyDecision> Begin(string requestHash, string newResourceId, TimeSpan wait)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (State.RequestHash is not null && time.GetUtcNow() - State.FirstSeen > Retention)
            {
                store.State = new IdempotencyState();
            }

            if (State.RequestHash is null)
            {
                Run();
                State.RequestHash = requestHash;
                State.ResourceId = newResourceId;
                State.FirstSeen = time.GetUtcNow();
                await store.WriteStateAsync();
                return new IdempotencyDecision(IdempotencyOutcome.Execute, State.ResourceId);
            }

            if (State.RequestHash != requestHash)
            {
                return new IdempotencyDecision(IdempotencyOutcome.Mismatch, State.ResourceId);
            }

            if (State.Response is not null)
            {
                return new IdempotencyDecision(IdempotencyOutcome.Replay, State.ResourceId, State.Response);
            }

            if (_running is null || time.GetUtcNow() - _runningSince > options.Value.TakeOverAfter)
            {
                // Started, never finished, and nobody here is running it (the host that ran it died), or whoever
                // was told to run it has neither finished nor abandoned it in time (its caller may have given up
                // before that answer reached it): take over. Retries waiting on the previous run wait on this one.
                var previous = _running;
                Run();
                previous?.TrySetResult(null);
                return new IdempotencyDecision(IdempotencyOutcome.Execute, State.ResourceId);
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return new IdempotencyDecision(IdempotencyOutcome.InProgress, State.ResourceId);
            }

            try
            {
                await _running.Task.WaitAsync(remaining, time);
            }
            catch (TimeoutException)
            {
                return new IdempotencyDecision(IdempotencyOutcome.InProgress, State.ResourceId);
            }
        }
    }

    private void Run()
    {
        _running = new TaskCompletionSource<StoredResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _runningSince = time.GetUtcNow();
    }

    public async Task Complete(string requestHash, StoredResponse response)
    {
        if (State.RequestHash != requestHash || State.Response is not null)
        {
            return;
        }

        State.Response = response;
        await store.WriteStateAsync();
        var running = _running;
        _running = null;
        running?.TrySetResult(response);
    }

    public Task Abandon(string requestHash)
    {
        if (State.RequestHash == requestHash && State.Response is null)
        {
            var running = _running;
            _running = null;
            running?.TrySetResult(null);
        }

        return Task.CompletedTask;
    }
}
