using System.Globalization;
using System.Text;
using OrderActors.Orders;
using OrderActors.Reports;

namespace OrderActors.ApiHost.Reports;

/// <summary>Rolls daily figures up into days, months or years, and writes them as CSV.</summary>
public static class OrderReportBuilder
{
    public static OrderReport Build(Granularity granularity, DateOnly from, DateOnly to, IEnumerable<DailyOrderFigures> days)
    {
        var buckets = days
            .GroupBy(d => Period(granularity, d.Day))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var (totals, byChannel) = DailyOrderFigures.Sum(g);
                var first = g.Min(d => d.Day);
                var last = g.Max(d => d.Day);
                return new OrderReportBucket(g.Key, first, last, totals, byChannel);
            })
            .ToList();
        var all = new OrderFigures();
        buckets.ForEach(b => all.Add(b.Totals));
        return new OrderReport(granularity, from, to, all, buckets);
    }

    public static string Period(Granularity granularity, DateOnly day) => granularity switch
    {
        Granularity.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
        Granularity.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static string ToCsv(OrderReport report)
    {
        var csv = new StringBuilder("period,channel,placed,placedAmount,confirmed,confirmedAmount,shipped,shippedAmount,completed,completedAmount,cancelled,cancelledAmount\n");
        foreach (var bucket in report.Buckets)
        {
            Row(csv, bucket.Period, "all", bucket.Totals);
            foreach (var (channel, figures) in bucket.ByChannel)
            {
                Row(csv, bucket.Period, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(channel.ToString()), figures);
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string period, string channel, OrderFigures f) =>
        csv.Append(CultureInfo.InvariantCulture,
            $"{period},{channel},{f.Placed},{f.PlacedAmount:0.00},{f.Confirmed},{f.ConfirmedAmount:0.00},{f.Shipped},{f.ShippedAmount:0.00},{f.Completed},{f.CompletedAmount:0.00},{f.Cancelled},{f.CancelledAmount:0.00}\n");
}
