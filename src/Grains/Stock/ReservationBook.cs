namespace OrderActors.Stock;

/// <summary>
/// A SKU's open reservations (one per order), kept so that a state write does not carry all of them: the
/// SKU's state holds the changes since the last snapshot, and the snapshot (every open reservation) is a
/// state of its own, rewritten once the changes reach <see cref="CompactAfter"/>. A SKU with many open orders
/// used to write all of them with every reservation (16 KB per write at 600 open orders).
/// </summary>
/// <remarks>
/// A change sets or removes one order's reservation, so replaying the changes over any snapshot taken
/// between the previous one and the latest change gives the same book: that is what makes a crash between
/// the snapshot write and the next state write harmless. A snapshot only ever holds stored changes
/// (<see cref="Capture"/> is taken just before a state write and used only once that write succeeded).
/// </remarks>
[GenerateSerializer, Alias("OrderActors.ReservationBook")]
public sealed class ReservationBook
{
    public const int CompactAfter = 64;

    [NonSerialized] private Dictionary<string, Reservation> _open = new(StringComparer.Ordinal);

    /// <summary>Changes since the snapshot, oldest first.</summary>
    [Id(0)] public List<ReservationChange> Changes { get; set; } = [];

    public int Count => _open.Count;

    /// <summary>Builds the book from its stored snapshot and the changes after it (on activation).</summary>
    public void Load(IReadOnlyDictionary<string, Reservation> snapshot)
    {
        _open = new Dictionary<string, Reservation>(snapshot, StringComparer.Ordinal);
        foreach (var change in Changes)
        {
            Apply(change);
        }
    }

    public bool ContainsKey(string orderId) => _open.ContainsKey(orderId);

    public bool TryGetValue(string orderId, out Reservation reservation) => _open.TryGetValue(orderId, out reservation!);

    public void Set(string orderId, Reservation reservation) => Record(new ReservationChange(orderId, reservation));

    public bool Remove(string orderId, out Reservation reservation)
    {
        if (!_open.TryGetValue(orderId, out reservation!))
        {
            return false;
        }

        Record(new ReservationChange(orderId, null));
        return true;
    }

    /// <summary>The book as it is now, to become the snapshot once the state write about to start succeeds; null while the changes are few.</summary>
    public Compaction? Capture() => Changes.Count >= CompactAfter ? new Compaction(new Dictionary<string, Reservation>(_open, StringComparer.Ordinal), Changes.Count) : null;

    /// <summary>The snapshot of <paramref name="compaction"/> is stored: the changes it covers leave the state with its next write.</summary>
    public void Compacted(Compaction compaction) => Changes.RemoveRange(0, compaction.Changes);

    private void Record(ReservationChange change)
    {
        Apply(change);
        Changes.Add(change);
    }

    private void Apply(ReservationChange change)
    {
        if (change.Reservation is { } reservation)
        {
            _open[change.OrderId] = reservation;
        }
        else
        {
            _open.Remove(change.OrderId);
        }
    }

    public sealed record Compaction(Dictionary<string, Reservation> Open, int Changes);
}

/// <summary>One order's reservation set, or removed when <see cref="Reservation"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.ReservationChange")]
public sealed record ReservationChange([property: Id(0)] string OrderId, [property: Id(1)] Reservation? Reservation);

/// <summary>Every open reservation of a SKU at its last compaction.</summary>
[GenerateSerializer, Alias("OrderActors.ReservationSnapshot")]
public sealed class ReservationSnapshot
{
    [Id(0)] public Dictionary<string, Reservation> Open { get; set; } = new(StringComparer.Ordinal);
}
