using OrderActors.Common;
using OrderActors.Reports;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace OrderActors.Orders;

/// <inheritdoc cref="IOrderEventRelayGrain"/>
/// <remarks>
/// One stream message per order event costs the queue a row, a read and a delete; here a silo's events go out
/// together, one message per shard, by group commit (or per window, when configured), see
/// <see cref="EventRelayOptions"/>. An order answers its caller only once this has answered, so an
/// acknowledged change is in the stream queue even if the silo dies right after. The events stay in each
/// order's stored outbox until this answers, so a silo dying meanwhile loses none: the call fails, and the
/// order publishes them again when it is next activated (the client's retry activates it).
/// </remarks>
[GrainType("order-event-relay"), StatelessWorker(1), Reentrant]
public sealed class OrderEventRelayGrain(IOptions<EventRelayOptions> options) : StreamRelayGrain<OrderStatusChanged, OrderEventBatch>, IOrderEventRelayGrain
{
    public Task Publish(OrderEventBatch batch) => Relay(batch.Events);

    protected override TimeSpan Window => options.Value.OrderEventWindow;

    protected override string Namespace => StreamNames.OrderEventBatches;

    protected override string ShardOf(OrderStatusChanged item) => IDailyOrderReportGrain.ShardKey(item.At, item.OrderId);

    protected override OrderEventBatch Batch(List<OrderStatusChanged> items) => new(items);
}
