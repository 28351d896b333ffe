namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.ShipOrder")]
public sealed record ShipOrder(
    [property: Id(0)] string Carrier,
    [property: Id(1)] string TrackingNumber,
    [property: Id(2)] string? Warehouse,
    [property: Id(3)] string Actor);
