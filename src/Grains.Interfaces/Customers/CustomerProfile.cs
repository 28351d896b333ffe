namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] bool RequiresReview);
