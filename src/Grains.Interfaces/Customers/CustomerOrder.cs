using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>What a customer's order list shows of one order; kept current by the order grain.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.CustomerOrder")]
public sealed record CustomerOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] decimal Total,
    [property: Id(4)] decimal NetPaid,
    [property: Id(5)] string Currency,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] int Version);
