using OrderActors.Common;
using OrderActors.Reports;
using Orleans.Concurrency;

namespace OrderActors.Orders;

/// <inheritdoc cref="IOrderEventRelayGrain"/>
/// <remarks>
/// One stream message per order event costs the queue a row, a read and a delete, the report shard a
/// delivery and a state write; batched per window and shard, a busy silo sends a few messages a second per
/// shard. The events stay in each order's stored outbox until this answers, so a silo dying with a window
/// open loses none: the order publishes them again when it is next activated.
/// </remarks>
[GrainType("order-event-relay"), StatelessWorker(1), Reentrant]
public sealed class OrderEventRelayGrain : StreamRelayGrain<OrderStatusChanged, OrderEventBatch>, IOrderEventRelayGrain
{
    public Task Publish(OrderEventBatch batch) => Relay(batch.Events);

    protected override string Namespace => StreamNames.OrderEventBatches;

    protected override string ShardOf(OrderStatusChanged item) => IDailyOrderReportGrain.ShardKey(item.At, item.OrderId);

    protected override OrderEventBatch Batch(List<OrderStatusChanged> items) => new(items);
}
