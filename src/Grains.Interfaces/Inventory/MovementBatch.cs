namespace OrderActors.Inventory;

/// <summary>Movements of one SKU in one month, published together on the movement stream.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.MovementBatch")]
public sealed record MovementBatch([property: Id(0)] IReadOnlyList<StockMovement> Movements);
