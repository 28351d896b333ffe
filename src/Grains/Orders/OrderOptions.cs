namespace OrderActors.Orders;

/// <summary>Configuration of the order process (sections <c>Review</c> and <c>Orders</c>).</summary>
public sealed class OrderOptions
{
    /// <summary>Orders whose total exceeds this go to manual review.</summary>
    public decimal ManualAboveAmount { get; set; } = 5000.00m;

    /// <summary>Orders with any line above this quantity go to manual review.</summary>
    public int MaxLineQuantity { get; set; } = 50;

    /// <summary>Delivered orders complete by themselves after this long.</summary>
    public TimeSpan AutoCompleteAfter { get; set; } = TimeSpan.FromDays(7);
}
