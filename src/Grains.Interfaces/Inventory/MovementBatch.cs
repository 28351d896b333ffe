namespace OrderActors.Inventory;

/// <summary>Movements published together on a movement stream shard, each SKU's in the order they happened.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.MovementBatch")]
public sealed record MovementBatch([property: Id(0)] IReadOnlyList<StockMovement> Movements);
