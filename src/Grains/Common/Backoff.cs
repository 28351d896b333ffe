namespace OrderActors.Common;

/// <summary>
/// The waits between tries to reach a receiver that cannot be reached now: <c>first</c>, then doubling, at most
/// <c>longest</c>; <see cref="Reset"/> once it answers.
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan longest)
{
    private TimeSpan _last;

    /// <summary>How long to wait before the next try.</summary>
    public TimeSpan Next() =>
        _last = _last == TimeSpan.Zero ? first : TimeSpan.FromTicks(Math.Min(_last.Ticks * 2, longest.Ticks));

    public void Reset() => _last = TimeSpan.Zero;
}
