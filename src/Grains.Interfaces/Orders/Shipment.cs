namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.Shipment")]
public sealed record Shipment(
    [property: Id(0)] string Warehouse,
    [property: Id(1)] string Carrier,
    [property: Id(2)] string TrackingNumber,
    [property: Id(3)] DateTimeOffset ShippedAt,
    [property: Id(4)] DateTimeOffset? DeliveredAt);
