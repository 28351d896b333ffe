namespace OrderActors.Inventory;

[GenerateSerializer, Immutable, Alias("OrderActors.TransferRecord")]
public sealed record TransferRecord(
    [property: Id(0)] string TransferId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string FromWarehouse,
    [property: Id(3)] string ToWarehouse,
    [property: Id(4)] int Quantity,
    [property: Id(5)] string? Reference,
    [property: Id(6)] string Actor,
    [property: Id(7)] DateTimeOffset At);
