using OrderActors.Common;
using OrderActors.Inventory;
using Orleans.Concurrency;

namespace OrderActors.Stock;

/// <inheritdoc cref="IMovementRelayGrain"/>
/// <remarks>
/// One stream message per SKU flush would cost the stream queue a row, a read and a delete each, and the
/// pulling agent a pub-sub registration per SKU; here a silo sends a few messages per window instead.
/// </remarks>
[GrainType("movement-relay"), StatelessWorker(1), Reentrant]
public sealed class MovementRelayGrain : StreamRelayGrain<StockMovement, MovementBatch>, IMovementRelayGrain
{
    public Task Publish(MovementBatch batch) => Relay(batch.Movements);

    protected override string Namespace => StreamNames.StockMovements;

    protected override string ShardOf(StockMovement item) => IMovementRelayGrain.ShardKey(item.Sku);

    protected override MovementBatch Batch(List<StockMovement> items) => new(items);
}
