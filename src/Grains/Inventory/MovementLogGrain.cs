using OrderActors.Common;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrderActors.Inventory;

/// <summary>
/// One SKU-month of movements, folded from the movement stream into a paged log. A SKU publishes its
/// movements in sequence order, so a repeat (a republish after a crash) is anything at or below the last
/// sequence logged.
/// </summary>
[GrainType("movement-log")]
[ImplicitStreamSubscription(StreamNames.StockMovements)]
public sealed class MovementLogGrain(
    [PersistentState("movements", StorageNames.Stock)] IPersistentState<MovementLogState> store)
    : Grain, IMovementLogGrain, IStreamSubscriptionObserver, IAsyncObserver<MovementBatch>
{
    public Task<IReadOnlyList<StockMovement>> List() => store.State.Log.List(GrainFactory, this.GetPrimaryKeyString());

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<MovementBatch>().ResumeAsync(this);

    public async Task OnNextAsync(MovementBatch item, StreamSequenceToken? token = null)
    {
        var fresh = item.Movements.Where(m => SequenceOf(m) > store.State.LastSequence).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        await store.State.Log.Append(GrainFactory, this.GetPrimaryKeyString(), fresh);
        store.State.LastSequence = fresh.Max(SequenceOf);
        await store.WriteStateAsync();
    }

    /// <summary>Movement ids are "{sku}:{sequence}".</summary>
    private static long SequenceOf(StockMovement movement) =>
        long.Parse(movement.MovementId.AsSpan(movement.MovementId.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>A sealed page of a SKU-month's movement log.</summary>
[GrainType("movement-page")]
public sealed class MovementPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<StockMovement>> store) : LogPageGrain<StockMovement>(store);
