using OrderActors.Orders;

namespace OrderActors.Reports;

[GenerateSerializer, Alias("OrderActors.DailyOrderReportState")]
public sealed class DailyOrderReportState
{
    [Id(0)] public OrderFigures Totals { get; set; } = new();
    [Id(1)] public Dictionary<Channel, OrderFigures> ByChannel { get; set; } = [];

    /// <summary>Ids of the events already counted: delivery is at-least-once.</summary>
    [Id(2)] public HashSet<string> Counted { get; set; } = new(StringComparer.Ordinal);
}
