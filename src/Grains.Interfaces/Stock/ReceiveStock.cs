namespace OrderActors.Stock;

[GenerateSerializer, Immutable, Alias("OrderActors.ReceiveStock")]
public sealed record ReceiveStock(
    [property: Id(0)] string Warehouse,
    [property: Id(1)] int Quantity,
    [property: Id(2)] string? Reference,
    [property: Id(3)] string Actor);
