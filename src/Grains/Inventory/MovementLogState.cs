namespace OrderActors.Inventory;

[GenerateSerializer, Alias("OrderActors.MovementLogState")]
public sealed class MovementLogState
{
    [Id(0)] public List<StockMovement> Movements { get; set; } = [];
}
