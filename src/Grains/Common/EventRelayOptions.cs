namespace OrderActors.Common;

/// <summary>How the order event relay batches (configuration section <c>Streams</c>).</summary>
public sealed class EventRelayOptions
{
    /// <summary>
    /// How long the relay collects order events before publishing them; zero publishes at once when no publish
    /// is running (group commit). An order's caller waits for it: the embedded mode (memory streams, where a
    /// publish costs next to nothing) uses zero; the durable mode 50 ms, so that a busy silo inserts a few
    /// stream rows per window instead of about one per order.
    /// </summary>
    public TimeSpan OrderEventWindow { get; set; } = TimeSpan.Zero;
}
