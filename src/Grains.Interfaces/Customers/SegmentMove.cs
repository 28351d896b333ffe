namespace OrderActors.Customers;

[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.SegmentMove")]
public sealed record SegmentMove(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] DateTimeOffset At);
