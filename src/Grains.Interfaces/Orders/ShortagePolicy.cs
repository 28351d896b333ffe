namespace OrderActors.Orders;

/// <summary>What placement does when stock is short: refuse, or wait in <c>awaitingStock</c>.</summary>
public enum ShortagePolicy
{
    Reject,
    Backorder,
}
