namespace OrderActors.Idempotency;

public sealed class IdempotencyOptions
{
    /// <summary>
    /// How long a request that began executing under a key may run before a retry may take it over. The
    /// executor normally finishes or abandons long before; this covers one that never can (its host died, or
    /// its caller gave up before the answer that told it to execute arrived).
    /// </summary>
    public TimeSpan TakeOverAfter { get; set; } = TimeSpan.FromSeconds(30);
}
