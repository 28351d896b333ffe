using OrderActors.Orders;

namespace OrderActors.Reports;

[GenerateSerializer, Alias("OrderActors.DailyOrderReportState")]
public sealed class DailyOrderReportState
{
    [Id(0)] public OrderFigures Totals { get; set; } = new();
    [Id(1)] public Dictionary<Channel, OrderFigures> ByChannel { get; set; } = [];

    /// <summary>
    /// 64-bit hashes of the ids of the events already counted (delivery is at-least-once): a quarter of the
    /// size of the ids themselves; two of a shard's events colliding is a one in 10^11 chance.
    /// </summary>
    [Id(3)] public HashSet<ulong> Counted { get; set; } = [];
}
