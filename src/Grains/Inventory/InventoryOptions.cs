namespace OrderActors.Inventory;

/// <summary>Configuration section <c>Inventory</c>: how reorder suggestions are sized.</summary>
public sealed class InventoryOptions
{
    /// <summary>Days a reorder takes to arrive: the suggestion covers demand over this many days.</summary>
    public int LeadTimeDays { get; set; } = 7;

    /// <summary>Days of recent demand averaged into a daily rate.</summary>
    public int DemandWindowDays { get; set; } = 14;
}
