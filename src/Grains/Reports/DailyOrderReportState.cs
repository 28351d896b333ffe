using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.Reports;

[GenerateSerializer, Alias("OrderActors.DailyOrderReportState")]
public sealed class DailyOrderReportState
{
    [Id(0)] public OrderFigures Totals { get; set; } = new();
    [Id(1)] public Dictionary<Channel, OrderFigures> ByChannel { get; set; } = [];

    /// <summary>
    /// Earlier builds' set of counted event hashes, stored whole with every write (so each write grew with the
    /// day). Moved into <see cref="CountedLog"/> when such a shard is next activated.
    /// </summary>
    [Id(3)] public HashSet<ulong> Counted { get; set; } = [];

    /// <summary>
    /// 64-bit hashes of the ids of the events already counted (delivery is at-least-once; two of a shard's events
    /// colliding is a one in 10^11 chance), as a paged log: a write carries only the open page, so its size
    /// stays flat however busy the day. The whole set is held in memory while the shard is active.
    /// </summary>
    [Id(4)] public PagedLog<ulong> CountedLog { get; set; } = new();
}
