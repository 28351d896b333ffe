namespace OrderActors.Orders;

/// <summary>A line priced from the catalog at placement time.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] decimal TaxRate,
    [property: Id(5)] decimal LineTotal)
{
    /// <summary>The SKU's unit cost at placement: the cost of sales when the order completes.</summary>
    [Id(6)] public decimal UnitCost { get; init; }
}
