namespace OrderActors.Inventory;

[GenerateSerializer, Alias("OrderActors.CycleCountState")]
public sealed class CycleCountState
{
    [Id(0)] public CycleCount? Count { get; set; }
}
