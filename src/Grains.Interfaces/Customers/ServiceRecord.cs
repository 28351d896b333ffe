namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.ServiceRecord")]
public sealed record ServiceRecord(
    [property: Id(0)] string RecordId,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Summary,
    [property: Id(3)] string? OrderId,
    [property: Id(4)] string Actor,
    [property: Id(5)] DateTimeOffset At);
