using OrderActors.Common;

namespace OrderActors.Customers;

[GenerateSerializer, Alias("OrderActors.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Until when this customer may lend its review flag to silos' caches (<see cref="Common.ReadLeaseGrants"/>).</summary>
    [Id(9)] public DateTimeOffset LendingUntil { get; set; }
    /// <summary>Orders and notices: the changes since the history's snapshot.</summary>
    [Id(8)] public CustomerHistory History { get; set; } = new();

    /// <summary>Every order, as builds before 2026-11-29 stored them; moved into <see cref="History"/> on activation.</summary>
    [Id(3)] public Dictionary<string, CustomerOrder> EarlierOrders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every notice, as builds before 2026-11-29 stored them; moved into <see cref="History"/> on activation.</summary>
    [Id(4)] public List<Notification> EarlierNotifications { get; set; } = [];

    /// <summary>The segment last assigned (automatic or manual) and since when.</summary>
    [Id(5)] public SegmentAssignment? Segment { get; set; }

    /// <summary>A manual segment that wins over the automatic one until cleared.</summary>
    [Id(6)] public SegmentAssignment? Override { get; set; }

    [Id(7)] public List<ServiceRecord> ServiceRecords { get; set; } = [];
}
