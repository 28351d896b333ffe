namespace OrderActors.Common;

/// <summary>
/// A value read for a cache: <paramref name="For"/> is how long the reader may keep it, counted from when it asked
/// (zero: use it for this read only). Null when the grain has nothing to lend (for example, it does not exist).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderActors.Leased`1")]
public sealed record Leased<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] TimeSpan For);
