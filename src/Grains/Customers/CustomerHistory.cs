using OrderActors.Common;

namespace OrderActors.Customers;

/// <summary>
/// A customer's orders (as the order grains last reported them) and its latest notices, kept so that a state
/// write does not carry all of them: the customer's state holds the changes since the last snapshot, and the
/// snapshot is a state of its own, rewritten after about <see cref="SnapshotAfter"/> changes
/// (<see cref="SnapshotSchedule{TSnapshot}"/>). Written whole, a regular customer's history made every order
/// cost a write that grew with every order it had placed (6 KB at 20 orders).
/// </summary>
/// <remarks>
/// A change is an order's newer report (kept only if newer than the one held) or a notice (added only if not
/// held, nor if older than all of a full list; the oldest leave past <see cref="NoticeCapacity"/>), so replaying the changes over any snapshot taken
/// between the previous one and the latest change gives the same history: a crash between the snapshot write
/// and the next state write is harmless.
/// </remarks>
[GenerateSerializer, Alias("OrderActors.CustomerHistory")]
public sealed class CustomerHistory
{
    public const int SnapshotAfter = 16;
    public const int NoticeCapacity = 200;

    [NonSerialized] private Dictionary<string, CustomerOrder> _orders = new(StringComparer.Ordinal);
    [NonSerialized] private List<Notification> _notices = [];
    [NonSerialized] private CustomerStats? _stats;

    /// <summary>The changes as builds before 2026-12-08 stored them; moved into <see cref="Recent"/> when first used.</summary>
    [Id(0)] public List<CustomerHistoryChange>? EarlierChanges { get; set; }

    /// <summary>The changes, stored: use <see cref="Changes"/>.</summary>
    [Id(1)] public EncodedList<CustomerHistoryChange> Recent { get; set; } = new();

    /// <summary>Changes since the snapshot, oldest first (each encoded once, however many writes carry it).</summary>
    public EncodedList<CustomerHistoryChange> Changes
    {
        get
        {
            EarlierChanges = Recent.Adopt(EarlierChanges);
            return Recent;
        }
    }

    public IReadOnlyCollection<CustomerOrder> Orders => _orders.Values;

    /// <summary>
    /// What the orders add up to (<see cref="Segmentation.StatsOf"/>), worked out again only after an order's
    /// report changed: a change is read by the segment, the directory and the snapshot, and a regular
    /// customer's history is long.
    /// </summary>
    public CustomerStats Stats => _stats ??= Segmentation.StatsOf(_orders.Values);

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<Notification> Notices => _notices;

    /// <summary>Builds the history from its stored snapshot and the changes after it (on activation).</summary>
    public void Load(CustomerHistorySnapshot snapshot)
    {
        _orders = new Dictionary<string, CustomerOrder>(snapshot.Orders, StringComparer.Ordinal);
        _notices = [.. snapshot.Notices];
        _stats = null;
        foreach (var change in Changes)
        {
            Apply(change);
        }
    }

    /// <summary>Records an order's report unless the one held is as new; true if it changed the history.</summary>
    public bool Track(CustomerOrder order) => Record(new CustomerHistoryChange(order, null));

    /// <summary>Records a notice unless it is already held; true if it changed the history.</summary>
    public bool Notify(Notification notice) => Record(new CustomerHistoryChange(null, notice));

    /// <summary>The history as it is now, as a snapshot.</summary>
    public CustomerHistorySnapshot Copy() => new()
    {
        Orders = new Dictionary<string, CustomerOrder>(_orders, StringComparer.Ordinal),
        Notices = [.. _notices],
    };

    /// <summary>A snapshot covering the first <paramref name="changes"/> changes is stored: they leave the state with its next write.</summary>
    public void Compacted(int changes) => Changes.RemoveRange(0, changes);

    private bool Record(CustomerHistoryChange change)
    {
        if (!Apply(change))
        {
            return false;
        }

        Changes.Add(change);
        return true;
    }

    private bool Apply(CustomerHistoryChange change)
    {
        if (change.Order is { } order)
        {
            if (_orders.TryGetValue(order.OrderId, out var known) && known.Version >= order.Version)
            {
                return false;
            }

            _orders[order.OrderId] = order;
            _stats = null;
            return true;
        }

        // A notice older than every one of a full list is not kept: it would be the first to leave, and a replayed
        // change whose notice has already left must not come back.
        if (change.Notice is not { } notice || _notices.Exists(n => n.NotificationId == notice.NotificationId)
            || (_notices.Count >= NoticeCapacity && notice.At < _notices[0].At))
        {
            return false;
        }

        _notices.Add(notice);
        if (_notices.Count > NoticeCapacity)
        {
            _notices.RemoveAt(0);
        }

        return true;
    }
}

/// <summary>One order's newer report, or one notice.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.CustomerHistoryChange")]
public sealed record CustomerHistoryChange([property: Id(0)] CustomerOrder? Order, [property: Id(1)] Notification? Notice);

/// <summary>A customer's orders and notices at its last snapshot.</summary>
[GenerateSerializer, Alias("OrderActors.CustomerHistorySnapshot")]
public sealed class CustomerHistorySnapshot
{
    [Id(0)] public Dictionary<string, CustomerOrder> Orders { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<Notification> Notices { get; set; } = [];
}
