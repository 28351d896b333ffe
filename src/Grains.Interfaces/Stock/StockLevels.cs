namespace OrderActors.Stock;

[GenerateSerializer, Immutable, Alias("OrderActors.StockLevels")]
public sealed record StockLevels(
    [property: Id(0)] int OnHand,
    [property: Id(1)] int Reserved,
    [property: Id(2)] IReadOnlyList<WarehouseStock> Warehouses)
{
    public int Available => OnHand - Reserved;
}
