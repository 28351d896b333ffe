namespace OrderActors.Inventory;

/// <summary>A SKU whose available stock fell below its threshold, with how much to reorder.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.LowStockAlert")]
public sealed record LowStockAlert(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Available,
    [property: Id(2)] int Threshold,
    [property: Id(3)] int SuggestedQuantity,
    [property: Id(4)] decimal DailySales,
    [property: Id(5)] DateTimeOffset RaisedAt,
    [property: Id(6)] DateTimeOffset? ClearedAt = null);
