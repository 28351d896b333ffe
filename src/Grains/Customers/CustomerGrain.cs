using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>
/// A customer's profile, the orders it placed (kept current by the order grains), its segment, service
/// records and notices. Every change that moves its figures is passed on to its directory shard.
/// </summary>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> store,
    [PersistentState("history", StorageNames.Customers)] IPersistentState<CustomerHistorySnapshot> history,
    IOptions<SegmentOptions> segments,
    IOptions<ReadLeaseOptions> leaseOptions,
    TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private SnapshotSchedule<CustomerHistorySnapshot>? _snapshots;
    private GroupCommit? _commit;

    private CustomerState State => store.State;

    private CustomerHistory History => State.History;

    private string CustomerId => this.GetPrimaryKeyString();

    /// <summary>Builds the history from its snapshot and the stored changes; an earlier build's whole history joins it as changes.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _leases = new ReadLeaseGrants(time, leaseOptions.Value.Duration, State.LendingUntil, until => State.LendingUntil = until);
        History.Load(history.State);
        foreach (var order in State.EarlierOrders.Values.OrderBy(o => o.CreatedAt))
        {
            History.Track(order);
        }

        foreach (var notice in State.EarlierNotifications)
        {
            History.Notify(notice);
        }

        State.EarlierOrders.Clear();
        State.EarlierNotifications.Clear();
        return Task.CompletedTask;
    }

    public async Task<(CustomerSnapshot Customer, bool Created)> Upsert(CustomerProfile profile)
    {
        var created = State.Profile is null;
        if (State.Profile == profile)
        {
            return (Snapshot(), false);
        }

        // The review flag is lent to placements' caches: once this answers, no placement reads the old one.
        using (State.Profile is { } before && before.RequiresReview != profile.RequiresReview ? await _leases!.Change(this.GetGrainId()) : null)
        {
            var now = time.GetUtcNow();
            State.CreatedAt = created ? now : State.CreatedAt;
            State.UpdatedAt = now;
            State.Profile = profile;
            await Save(Evaluate(now));
        }

        return (Snapshot(), created);
    }

    public async Task<CustomerSnapshot?> Get()
    {
        if (State.Profile is null)
        {
            return null;
        }

        if (Evaluate(time.GetUtcNow()) is { } move)
        {
            await Save(move);
        }

        return Snapshot();
    }

    public async Task TrackOrder(CustomerOrder order, Notification? notice)
    {
        var changed = History.Track(order);
        var notify = notice is not null && History.Notify(notice);
        if (changed || notify)
        {
            await Save(Evaluate(time.GetUtcNow()), toDirectory: changed);
        }
    }

    public Task<CustomerOrderPage> ListOrders(OrderStatus? status, int limit, string? cursor)
    {
        var after = PageCursor.Decode(cursor);
        var page = History.Orders
            .Where(o => status is null || o.Status == status)
            .OrderByDescending(o => o.CreatedAt.UtcTicks).ThenByDescending(o => o.OrderId, StringComparer.Ordinal)
            .Where(o => after is null || o.CreatedAt.UtcTicks < after.Value.Ticks
                || (o.CreatedAt.UtcTicks == after.Value.Ticks && string.CompareOrdinal(o.OrderId, after.Value.OrderId) < 0))
            .Take(limit + 1)
            .ToList();
        var next = page.Count > limit ? PageCursor.Encode(page[limit - 1]) : null;
        return Task.FromResult(new CustomerOrderPage(page.Take(limit).ToList(), next));
    }

    public Task<IReadOnlyList<Notification>> ListNotifications(int limit) =>
        Task.FromResult<IReadOnlyList<Notification>>(History.Notices.Reverse().Take(limit).ToList());

    public async Task<SegmentAssignment?> RefreshSegment()
    {
        if (State.Profile is null)
        {
            return null;
        }

        // Always re-announce the summary: this is also how a directory shard that lost its last few
        // unflushed updates in a crash gets them back.
        await Save(Evaluate(time.GetUtcNow()));
        return State.Segment;
    }

    public async Task<CustomerSnapshot?> OverrideSegment(string? segment, string reason, string actor)
    {
        if (State.Profile is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        State.Override = segment is null ? null : new SegmentAssignment(segment, $"set by {actor}: {reason}", now, actor);
        State.UpdatedAt = now;
        await Save(Evaluate(now), toDirectory: true);
        return Snapshot();
    }

    /// <summary>Assigns the segment due now; a change of segment is returned as a move (reasons are recomputed on read).</summary>
    private SegmentMove? Evaluate(DateTimeOffset now)
    {
        var (segment, _) = State.Override is { } manual
            ? (manual.Segment, manual.Reason)
            : Segmentation.Classify(History.Stats, now, segments.Value);
        var previous = State.Segment?.Segment;
        if (previous == segment)
        {
            return null;
        }

        State.Segment = new SegmentAssignment(segment, "", now, State.Override?.OverriddenBy);
        return new SegmentMove(CustomerId, previous ?? "none", segment, now);
    }

    private async Task Save(SegmentMove? move, bool toDirectory = true)
    {
        await Write();
        if (toDirectory || move is not null)
        {
            await GrainFactory.GetGrain<ICustomerDirectoryGrain>(ICustomerDirectoryGrain.ShardOf(CustomerId))
                .Update(new CustomerSummary(CustomerId, State.Profile?.Name ?? "", State.Segment?.Segment ?? Segmentation.Prospect,
                    History.Stats, time.GetUtcNow()), move);
        }
    }

    private CustomerSnapshot Snapshot()
    {
        var stats = History.Stats;
        var reason = State.Override?.Reason ?? Segmentation.Classify(stats, time.GetUtcNow(), segments.Value).Reason;
        var segment = State.Segment! with { Reason = reason, OverriddenBy = State.Override?.OverriddenBy };
        return new CustomerSnapshot(CustomerId, State.Profile!, segment, stats, State.CreatedAt, State.UpdatedAt);
    }

    /// <summary>
    /// Writes the state, with a wider window to lend the review flag in when it is closing; once the history's
    /// changes are many, its snapshot follows (the caller does not wait for it). One write runs at a time, and it
    /// covers every change made before it started (<see cref="GroupCommit"/>): <see cref="TrackOrder"/> interleaves
    /// with the other calls, so several may be waiting for a write at once.
    /// </summary>
    private Task Write() => (_commit ??= new GroupCommit(() => _leases!.Write(() =>
        (_snapshots ??= new(history, CustomerHistory.SnapshotAfter, logger, CustomerId))
            .WriteState(store, History.Changes.Count, History.Copy, History.Compacted)))).Write();
}
