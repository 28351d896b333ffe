namespace OrderActors.Orders;

/// <summary>Order status changes published together on one report shard's stream (<see cref="Common.StreamNames.OrderEventBatches"/>).</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.OrderEventBatch")]
public sealed record OrderEventBatch([property: Id(0)] IReadOnlyList<OrderStatusChanged> Events);
