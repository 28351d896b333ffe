namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] CustomerProfile Profile,
    [property: Id(2)] SegmentAssignment Segment,
    [property: Id(3)] CustomerStats Stats,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
