namespace OrderActors.Customers;

/// <summary>The segment a customer is in, why, and since when; <see cref="OverriddenBy"/> is set for a manual choice.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.SegmentAssignment")]
public sealed record SegmentAssignment(
    [property: Id(0)] string Segment,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] string? OverriddenBy = null);
