namespace OrderActors.Inventory;

[GenerateSerializer, Immutable, Alias("OrderActors.CycleCount")]
public sealed record CycleCount(
    [property: Id(0)] string CountId,
    [property: Id(1)] string Warehouse,
    [property: Id(2)] bool Posted,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] string OpenedBy,
    [property: Id(5)] DateTimeOffset? PostedAt,
    [property: Id(6)] string? PostedBy,
    [property: Id(7)] IReadOnlyList<CountLine> Lines);
