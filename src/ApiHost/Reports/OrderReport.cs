using OrderActors.Orders;
using OrderActors.Reports;

namespace OrderActors.ApiHost.Reports;

public enum Granularity
{
    Day,
    Month,
    Year,
}

public sealed record OrderReport(Granularity Granularity, DateOnly From, DateOnly To, OrderFigures Totals, IReadOnlyList<OrderReportBucket> Buckets);

public sealed record OrderReportBucket(string Period, DateOnly From, DateOnly To, OrderFigures Totals, IReadOnlyDictionary<Channel, OrderFigures> ByChannel);
