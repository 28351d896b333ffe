using OrderActors.Common;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrderActors.Inventory;

/// <summary>One SKU-month of movements, folded from the movement stream; duplicates are dropped by id.</summary>
[GrainType("movement-log")]
[ImplicitStreamSubscription(StreamNames.StockMovements)]
public sealed class MovementLogGrain(
    [PersistentState("movements", StorageNames.Stock)] IPersistentState<MovementLogState> store)
    : Grain, IMovementLogGrain, IStreamSubscriptionObserver, IAsyncObserver<MovementBatch>
{
    private HashSet<string>? _known;

    public Task<IReadOnlyList<StockMovement>> List() => Task.FromResult<IReadOnlyList<StockMovement>>([.. store.State.Movements]);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MovementBatch>().ResumeAsync(this);

    public async Task OnNextAsync(MovementBatch item, StreamSequenceToken? token = null)
    {
        _known ??= store.State.Movements.Select(m => m.MovementId).ToHashSet(StringComparer.Ordinal);
        var fresh = item.Movements.Where(m => !_known.Contains(m.MovementId)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        store.State.Movements.AddRange(fresh);
        _known.UnionWith(fresh.Select(m => m.MovementId));
        await store.WriteStateAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
