using OrderActors.Customers;

namespace OrderActors.ApiHost.Customers;

public sealed record CustomerResource(
    string CustomerId, string Name, string? Email, string? Phone, bool RequiresReview,
    string Segment, int OrderCount, decimal LifetimeValue, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CustomerResource From(CustomerSnapshot c) => new(
        c.CustomerId, c.Profile.Name, c.Profile.Email, c.Profile.Phone, c.Profile.RequiresReview,
        c.Segment, c.OrderCount, c.LifetimeValue, c.CreatedAt, c.UpdatedAt);
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
