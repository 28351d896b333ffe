namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.StatusEntry")]
public sealed record StatusEntry(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note);
