namespace OrderActors.Stock;

[GenerateSerializer, Immutable, Alias("OrderActors.WarehouseStock")]
public sealed record WarehouseStock(
    [property: Id(0)] string Warehouse,
    [property: Id(1)] int OnHand,
    [property: Id(2)] int Reserved)
{
    public int Available => OnHand - Reserved;
}
