namespace OrderActors.Stock;

/// <summary>
/// The answer to a reservation: the warehouse that holds it (and what it has left), or the most any acceptable
/// warehouse had; <paramref name="Version"/> is the SKU's version those figures are of.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderActors.ReservationResult")]
public sealed record ReservationResult(
    [property: Id(0)] bool Reserved,
    [property: Id(1)] string? Warehouse,
    [property: Id(2)] int Available,
    [property: Id(3)] bool UnknownSku = false,
    [property: Id(4)] int Version = 0);
