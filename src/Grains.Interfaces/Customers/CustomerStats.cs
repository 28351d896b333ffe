using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>What a customer's orders add up to; recency, frequency and value feed the segmentation.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.CustomerStats")]
public sealed record CustomerStats(
    [property: Id(0)] int OrderCount,
    [property: Id(1)] decimal LifetimeValue,
    [property: Id(2)] DateTimeOffset? FirstOrderAt,
    [property: Id(3)] DateTimeOffset? LastOrderAt,
    [property: Id(4)] decimal AverageOrderValue,
    [property: Id(5)] IReadOnlyDictionary<Channel, int> ChannelMix)
{
    public static readonly CustomerStats None = new(0, 0m, null, null, 0m, new Dictionary<Channel, int>());
}
