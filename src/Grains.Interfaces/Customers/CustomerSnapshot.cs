namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] CustomerProfile Profile,
    [property: Id(2)] string Segment,
    [property: Id(3)] int OrderCount,
    [property: Id(4)] decimal LifetimeValue,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
