namespace OrderActors.Stock;

[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.Reservation")]
public sealed record Reservation([property: Id(0)] string Warehouse, [property: Id(1)] int Quantity);
