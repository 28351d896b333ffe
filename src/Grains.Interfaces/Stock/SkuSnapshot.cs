namespace OrderActors.Stock;

/// <summary>Catalog data plus stock, as <c>GET /api/skus/{sku}</c> answers it.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.SkuSnapshot")]
public sealed record SkuSnapshot(
    [property: Id(0)] string Sku,
    [property: Id(1)] SkuCatalog Catalog,
    [property: Id(2)] StockLevels Stock,
    [property: Id(3)] int Version);
