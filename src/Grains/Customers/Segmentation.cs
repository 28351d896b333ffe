using System.Globalization;
using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>
/// Recency, frequency and monetary value → a named segment, with the reason. The rules apply in order:
/// prospect (no orders), lost, at risk (recency), vip (frequency and value), loyal (frequency), new
/// (one recent first order), active (everyone else).
/// </summary>
public static class Segmentation
{
    public const string Prospect = "prospect";
    public const string New = "new";
    public const string Active = "active";
    public const string Loyal = "loyal";
    public const string Vip = "vip";
    public const string AtRisk = "atRisk";
    public const string Lost = "lost";

    public static readonly string[] All = [Prospect, New, Active, Loyal, Vip, AtRisk, Lost];

    public static (string Segment, string Reason) Classify(CustomerStats stats, DateTimeOffset now, SegmentOptions options)
    {
        if (stats.OrderCount == 0 || stats.LastOrderAt is null)
        {
            return (Prospect, "no orders yet");
        }

        var idle = (int)Math.Floor((now - stats.LastOrderAt.Value).TotalDays);
        if (idle > options.LostAfterDays)
        {
            return (Lost, Text($"last order {idle} days ago (more than {options.LostAfterDays})"));
        }

        if (idle > options.AtRiskAfterDays)
        {
            return (AtRisk, Text($"last order {idle} days ago (more than {options.AtRiskAfterDays})"));
        }

        if (stats.OrderCount >= options.VipMinOrders && stats.LifetimeValue >= options.VipMinValue)
        {
            return (Vip, Text($"{stats.OrderCount} orders worth {stats.LifetimeValue:0.00} (at least {options.VipMinOrders} and {options.VipMinValue:0.00})"));
        }

        if (stats.OrderCount >= options.LoyalMinOrders)
        {
            return (Loyal, Text($"{stats.OrderCount} orders (at least {options.LoyalMinOrders})"));
        }

        var sinceFirst = (int)Math.Floor((now - stats.FirstOrderAt!.Value).TotalDays);
        return stats.OrderCount == 1 && sinceFirst <= options.NewWithinDays
            ? (New, Text($"first order {sinceFirst} days ago"))
            : (Active, Text($"{stats.OrderCount} orders, last {idle} days ago"));
    }

    /// <summary>The figures of the orders that count: placed and neither cancelled nor rejected.</summary>
    public static CustomerStats StatsOf(IEnumerable<CustomerOrder> orders)
    {
        var counted = orders.Where(o => o.Status is not (OrderStatus.Cancelled or OrderStatus.Rejected)).ToList();
        if (counted.Count == 0)
        {
            return CustomerStats.None with { LifetimeValue = orders.Sum(o => o.NetPaid) };
        }

        return new CustomerStats(
            counted.Count,
            orders.Sum(o => o.NetPaid),
            counted.Min(o => o.CreatedAt),
            counted.Max(o => o.CreatedAt),
            Math.Round(counted.Average(o => o.Total), 2, MidpointRounding.ToEven),
            counted.GroupBy(o => o.Channel).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
