namespace OrderActors.Customers;

/// <summary>RFM thresholds (configuration section <c>Segments</c>).</summary>
public sealed class SegmentOptions
{
    /// <summary>No order for longer than this: lost.</summary>
    public int LostAfterDays { get; set; } = 180;

    /// <summary>No order for longer than this: at risk.</summary>
    public int AtRiskAfterDays { get; set; } = 90;

    /// <summary>A first order within this many days, and only one: new.</summary>
    public int NewWithinDays { get; set; } = 30;

    public int LoyalMinOrders { get; set; } = 3;

    public int VipMinOrders { get; set; } = 5;

    public decimal VipMinValue { get; set; } = 10_000m;

    /// <summary>How often every customer's segment is recomputed for the passage of time.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromDays(1);
}
