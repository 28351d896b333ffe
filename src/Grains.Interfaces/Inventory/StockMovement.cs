namespace OrderActors.Inventory;

/// <summary>
/// One change to a SKU's stock in one warehouse. On-hand is the sum of <see cref="OnHandDelta"/>;
/// reservations and releases move only <see cref="ReservedDelta"/>.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.StockMovement")]
public sealed record StockMovement(
    [property: Id(0)] string MovementId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Warehouse,
    [property: Id(3)] MovementKind Kind,
    [property: Id(4)] int OnHandDelta,
    [property: Id(5)] int ReservedDelta,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string Actor,
    [property: Id(8)] string? Reference);
