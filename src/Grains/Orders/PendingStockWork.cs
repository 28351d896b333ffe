namespace OrderActors.Orders;

/// <summary>
/// Stock work the order persisted its intent for before calling the SKU grains. If the grain dies
/// mid-way, the next activation finishes or compensates it (every SKU call is idempotent by order id).
/// </summary>
public enum PendingStockWork
{
    None,

    /// <summary>Reservations may exist for the lines; the outcome was not recorded: release them.</summary>
    Reserving,

    /// <summary>
    /// A new order was stored as confirmed before its reservations were made (one write instead of two on
    /// the busiest path): it stands if every line is held in one warehouse; otherwise it never existed.
    /// </summary>
    Confirming,

    /// <summary>The order no longer needs its reservations (cancelled): release them.</summary>
    Releasing,

    /// <summary>Shipping was decided: move the reserved stock out, then record the shipment.</summary>
    Shipping,
}
