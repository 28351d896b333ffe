using OrderActors.Orders;

namespace OrderActors.Reports;

[GenerateSerializer, Immutable, Alias("OrderActors.DailyOrderFigures")]
public sealed record DailyOrderFigures(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] OrderFigures Totals,
    [property: Id(2)] IReadOnlyDictionary<Channel, OrderFigures> ByChannel,
    [property: Id(3)] int EventsCounted)
{
    /// <summary>The figures of several days or shards added up: totals, and per channel.</summary>
    public static (OrderFigures Totals, SortedDictionary<Channel, OrderFigures> ByChannel) Sum(IEnumerable<DailyOrderFigures> parts)
    {
        var totals = new OrderFigures();
        var byChannel = new SortedDictionary<Channel, OrderFigures>();
        foreach (var part in parts)
        {
            totals.Add(part.Totals);
            foreach (var (channel, figures) in part.ByChannel)
            {
                if (!byChannel.TryGetValue(channel, out var sum))
                {
                    byChannel[channel] = sum = new OrderFigures();
                }

                sum.Add(figures);
            }
        }

        return (totals, byChannel);
    }
}
