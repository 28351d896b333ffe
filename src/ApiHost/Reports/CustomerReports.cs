using System.Globalization;
using System.Text;
using OrderActors.Complaints;
using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Reports;

public sealed record SegmentFigures(string Segment, int Customers, decimal LifetimeValue);

public sealed record SegmentMovement(string From, string To, int Customers);

public sealed record SegmentReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SegmentFigures> Segments, IReadOnlyList<SegmentMovement> Movements);

public sealed record TopCustomer(string CustomerId, string Name, string Segment, int OrderCount, decimal LifetimeValue);

public sealed record BehaviourReport(
    int Customers, int CustomersWithOrders, int Orders, decimal PurchaseFrequency, decimal AverageOrderValue, decimal RepeatRate,
    IReadOnlyDictionary<Channel, int> ChannelMix, IReadOnlyList<TopCustomer> TopCustomers);

public sealed record ServiceReport(
    DateTimeOffset From, DateTimeOffset To, int Complaints, IReadOnlyDictionary<ComplaintCategory, int> ByCategory,
    int Open, int Resolved, decimal? AverageHoursToResolve, int SlaBreaches, int Overdue);

/// <summary>The customer reports, computed from the customer directory and the complaint index.</summary>
public static class CustomerReports
{
    public static SegmentReport Segments(IReadOnlyList<CustomerSummary> customers, IReadOnlyList<SegmentMove> moves, DateTimeOffset from, DateTimeOffset to) => new(
        from, to,
        Segmentation.All.Select(s => new SegmentFigures(s, customers.Count(c => c.Segment == s), customers.Where(c => c.Segment == s).Sum(c => c.Stats.LifetimeValue))).ToList(),
        moves.Where(m => m.At >= from && m.At <= to && m.From != "none")
            .GroupBy(m => (m.From, m.To)).OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
            .Select(g => new SegmentMovement(g.Key.From, g.Key.To, g.Select(m => m.CustomerId).Distinct(StringComparer.Ordinal).Count())).ToList());

    public static BehaviourReport Behaviour(IReadOnlyList<CustomerSummary> customers, int top = 10)
    {
        var buyers = customers.Where(c => c.Stats.OrderCount > 0).ToList();
        var orders = buyers.Sum(c => c.Stats.OrderCount);
        var mix = new SortedDictionary<Channel, int>();
        foreach (var (channel, count) in buyers.SelectMany(c => c.Stats.ChannelMix))
        {
            mix[channel] = mix.GetValueOrDefault(channel) + count;
        }

        return new BehaviourReport(
            customers.Count, buyers.Count, orders,
            buyers.Count == 0 ? 0 : Math.Round((decimal)orders / buyers.Count, 2),
            orders == 0 ? 0 : Math.Round(buyers.Sum(c => c.Stats.AverageOrderValue * c.Stats.OrderCount) / orders, 2),
            buyers.Count == 0 ? 0 : Math.Round((decimal)buyers.Count(c => c.Stats.OrderCount >= 2) / buyers.Count, 4),
            mix,
            buyers.OrderByDescending(c => c.Stats.LifetimeValue).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(top)
                .Select(c => new TopCustomer(c.CustomerId, c.Name, c.Segment, c.Stats.OrderCount, c.Stats.LifetimeValue)).ToList());
    }

    public static ServiceReport Service(IReadOnlyList<ComplaintSnapshot> all, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var filed = all.Where(c => c.CreatedAt >= from && c.CreatedAt <= to).ToList();
        var resolved = filed.Where(c => c.ResolvedAt is not null).ToList();
        return new ServiceReport(
            from, to, filed.Count,
            new SortedDictionary<ComplaintCategory, int>(filed.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Count())),
            filed.Count(c => c.Status is ComplaintStatus.Open or ComplaintStatus.InProgress),
            resolved.Count,
            resolved.Count == 0 ? null : Math.Round((decimal)resolved.Average(c => (c.ResolvedAt!.Value - c.CreatedAt).TotalHours), 2),
            filed.Count(c => c.BreachedSla(now)),
            filed.Count(c => c.IsOverdue(now)));
    }

    public static string Csv(SegmentReport r) => Rows("kind,segment,fromSegment,toSegment,customers,lifetimeValue",
        r.Segments.Select(s => $"segment,{s.Segment},,,{s.Customers},{Money(s.LifetimeValue)}")
            .Concat(r.Movements.Select(m => $"movement,,{m.From},{m.To},{m.Customers},")));

    public static string Csv(BehaviourReport r) => Rows("metric,key,value",
        new[]
        {
            $"customers,,{r.Customers}", $"customersWithOrders,,{r.CustomersWithOrders}", $"orders,,{r.Orders}",
            $"purchaseFrequency,,{Invariant(r.PurchaseFrequency)}", $"averageOrderValue,,{Money(r.AverageOrderValue)}", $"repeatRate,,{Invariant(r.RepeatRate)}",
        }
        .Concat(r.ChannelMix.Select(c => $"channelOrders,{Name(c.Key)},{c.Value}"))
        .Concat(r.TopCustomers.Select(t => $"topCustomerValue,{t.CustomerId},{Money(t.LifetimeValue)}")));

    public static string Csv(ServiceReport r) => Rows("metric,key,value",
        new[]
        {
            $"complaints,,{r.Complaints}", $"open,,{r.Open}", $"resolved,,{r.Resolved}",
            $"averageHoursToResolve,,{(r.AverageHoursToResolve is { } h ? Invariant(h) : "")}", $"slaBreaches,,{r.SlaBreaches}", $"overdue,,{r.Overdue}",
        }
        .Concat(r.ByCategory.Select(c => $"category,{Name(c.Key)},{c.Value}")));

    private static string Rows(string header, IEnumerable<string> rows) => new StringBuilder(header).Append('\n').AppendJoin('\n', rows).Append('\n').ToString();

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
