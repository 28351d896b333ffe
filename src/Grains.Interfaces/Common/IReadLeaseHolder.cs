namespace OrderActors.Common;

/// <summary>
/// A silo's cache of values it read under a lease (<see cref="Leased{T}"/>). The grain that granted a lease calls
/// <see cref="Revoke"/> before any change that would make the cached value wrong for its readers, and waits for the
/// answer (or for the lease to run out) before it applies the change.
/// </summary>
[Alias("OrderActors.IReadLeaseHolder")]
public interface IReadLeaseHolder : IGrainObserver
{
    /// <summary>Drops what this silo holds of <paramref name="subject"/>, and any answer about it still on its way.</summary>
    [Alias("Revoke")] Task Revoke(GrainId subject);
}
