namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] bool RequiresReview)
{
    [Id(4)] public IReadOnlyList<Address> Addresses { get; init; } = [];

    [Id(5)] public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Equals(CustomerProfile? other) =>
        other is not null && Name == other.Name && Email == other.Email && Phone == other.Phone && RequiresReview == other.RequiresReview
        && Addresses.SequenceEqual(other.Addresses) && Tags.SequenceEqual(other.Tags);

    public override int GetHashCode() => HashCode.Combine(Name, Email, Phone, RequiresReview, Addresses.Count, Tags.Count);
}
