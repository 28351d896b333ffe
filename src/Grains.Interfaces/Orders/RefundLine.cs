namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.RefundLine")]
public sealed record RefundLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity,
    [property: Id(2)] bool Restock,
    [property: Id(3)] string? Warehouse);
