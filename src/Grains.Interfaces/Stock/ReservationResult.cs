namespace OrderActors.Stock;

/// <summary>
/// The answer to a reservation: the warehouse that holds it, or the most any acceptable warehouse had.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderActors.ReservationResult")]
public sealed record ReservationResult(
    [property: Id(0)] bool Reserved,
    [property: Id(1)] string? Warehouse,
    [property: Id(2)] int Available,
    [property: Id(3)] bool UnknownSku = false);
