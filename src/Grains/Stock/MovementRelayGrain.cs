using OrderActors.Common;
using OrderActors.Inventory;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace OrderActors.Stock;

/// <inheritdoc cref="IMovementRelayGrain"/>
/// <remarks>
/// One stream message per SKU flush would cost the stream queue a row, a read and a delete each, and the
/// pulling agent a pub-sub registration per SKU; here a silo sends a few messages per window instead. A
/// caller whose batch fails to publish gets the exception and keeps its movements unpublished for its next try.
/// </remarks>
[GrainType("movement-relay"), StatelessWorker(1), Reentrant]
public sealed class MovementRelayGrain : Grain, IMovementRelayGrain
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private List<StockMovement> _pending = [];
    private Task? _round;

    public Task Publish(MovementBatch batch)
    {
        _pending.AddRange(batch.Movements);
        return _round ??= PublishAfterWindow();
    }

    private async Task PublishAfterWindow()
    {
        await Task.Delay(Window);
        var movements = _pending;
        _pending = [];
        _round = null;
        var provider = this.GetStreamProvider(StreamNames.Provider);
        await Task.WhenAll(movements.GroupBy(m => IMovementRelayGrain.ShardKey(m.Sku)).Select(shard =>
            provider.GetStream<MovementBatch>(StreamId.Create(StreamNames.StockMovements, shard.Key)).OnNextAsync(new MovementBatch(shard.ToList()))));
    }
}
