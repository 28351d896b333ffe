namespace OrderActors.Stock;

[GenerateSerializer, Immutable, Alias("OrderActors.SkuCatalog")]
public sealed record SkuCatalog(
    [property: Id(0)] string Name,
    [property: Id(1)] decimal UnitPrice,
    [property: Id(2)] decimal UnitCost,
    [property: Id(3)] decimal TaxRate,
    [property: Id(4)] string Currency,
    [property: Id(5)] int LowStockThreshold);
