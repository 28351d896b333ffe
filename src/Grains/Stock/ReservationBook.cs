namespace OrderActors.Stock;

/// <summary>
/// A SKU's open reservations (one per order), kept so that a state write does not carry all of them: the
/// SKU's state holds the changes since the last snapshot, and the snapshot (every open reservation) is a
/// state of its own, rewritten after about <see cref="CompactAfter"/> changes (<see cref="Common.SnapshotSchedule{TSnapshot}"/>).
/// A SKU with many open orders used to write all of them with every reservation (16 KB per write at 600 open orders).
/// </summary>
/// <remarks>
/// A change sets or removes one order's reservation, so replaying the changes over any snapshot taken
/// between the previous one and the latest change gives the same book: that is what makes a crash between
/// the snapshot write and the next state write harmless.
/// </remarks>
[GenerateSerializer, Alias("OrderActors.ReservationBook")]
public sealed class ReservationBook
{
    public const int CompactAfter = 64;

    [NonSerialized] private Dictionary<string, Reservation> _open = new(StringComparer.Ordinal);

    /// <summary>The changes as builds before 2026-12-08 stored them; moved into <see cref="Recent"/> when first used.</summary>
    [Id(0)] public List<ReservationChange>? EarlierChanges { get; set; }

    /// <summary>The changes, stored: use <see cref="Changes"/>.</summary>
    [Id(1)] public Common.EncodedList<ReservationChange> Recent { get; set; } = new();

    /// <summary>Changes since the snapshot, oldest first (each encoded once, however many writes carry it).</summary>
    public Common.EncodedList<ReservationChange> Changes
    {
        get
        {
            EarlierChanges = Recent.Adopt(EarlierChanges);
            return Recent;
        }
    }

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

    /// <summary>The book as it is now, as a snapshot.</summary>
    public ReservationSnapshot Copy() => new() { Open = new Dictionary<string, Reservation>(_open, StringComparer.Ordinal) };

    /// <summary>A snapshot covering the first <paramref name="changes"/> changes is stored: they leave the state with its next write.</summary>
    public void Compacted(int changes) => Changes.RemoveRange(0, changes);

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
}

/// <summary>One order's reservation set, or removed when <see cref="Reservation"/> is null.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.ReservationChange")]
public sealed record ReservationChange([property: Id(0)] string OrderId, [property: Id(1)] Reservation? Reservation);

/// <summary>Every open reservation of a SKU at its last compaction.</summary>
[GenerateSerializer, Alias("OrderActors.ReservationSnapshot")]
public sealed class ReservationSnapshot
{
    [Id(0)] public Dictionary<string, Reservation> Open { get; set; } = new(StringComparer.Ordinal);
}
