namespace OrderActors.Orders;

/// <summary>
/// Published on every status change. <see cref="EventId"/> is order id + version, so a redelivered
/// or republished event carries the same id and consumers can drop it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderActors.OrderStatusChanged")]
public sealed record OrderStatusChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] Channel Channel,
    [property: Id(4)] OrderStatus? PreviousStatus,
    [property: Id(5)] OrderStatus Status,
    [property: Id(6)] decimal Total,
    [property: Id(7)] string Currency,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] int Version);
