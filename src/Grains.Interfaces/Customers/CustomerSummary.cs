namespace OrderActors.Customers;

/// <summary>One customer as the customer reports see it, kept in the customer directory.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.CustomerSummary")]
public sealed record CustomerSummary(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Segment,
    [property: Id(3)] CustomerStats Stats,
    [property: Id(4)] DateTimeOffset UpdatedAt);
