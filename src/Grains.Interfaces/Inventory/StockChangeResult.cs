using OrderActors.Common;
using OrderActors.Stock;

namespace OrderActors.Inventory;

[GenerateSerializer, Immutable, Alias("OrderActors.StockChangeResult")]
public sealed record StockChangeResult([property: Id(0)] SkuSnapshot? Sku, [property: Id(1)] Failure? Failure);
