using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Customers;

public sealed record CustomerResource(
    string CustomerId, string Name, string? Email, string? Phone, bool RequiresReview,
    IReadOnlyList<Address> Addresses, IReadOnlyList<string> Tags,
    string Segment, string SegmentReason, DateTimeOffset SegmentSince, string? SegmentOverriddenBy,
    int OrderCount, decimal LifetimeValue, DateTimeOffset? FirstOrderAt, DateTimeOffset? LastOrderAt, decimal AverageOrderValue,
    IReadOnlyDictionary<Channel, int> ChannelMix, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CustomerResource From(CustomerSnapshot c) => new(
        c.CustomerId, c.Profile.Name, c.Profile.Email, c.Profile.Phone, c.Profile.RequiresReview, c.Profile.Addresses, c.Profile.Tags,
        c.Segment.Segment, c.Segment.Reason, c.Segment.Since, c.Segment.OverriddenBy,
        c.Stats.OrderCount, c.Stats.LifetimeValue, c.Stats.FirstOrderAt, c.Stats.LastOrderAt, c.Stats.AverageOrderValue, c.Stats.ChannelMix,
        c.CreatedAt, c.UpdatedAt);
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
