namespace OrderActors.Stock;

[GenerateSerializer, Alias("OrderActors.WarehouseLevel")]
public sealed class WarehouseLevel
{
    [Id(0)] public int OnHand { get; set; }
    [Id(1)] public int Reserved { get; set; }

    public int Available => OnHand - Reserved;
}
