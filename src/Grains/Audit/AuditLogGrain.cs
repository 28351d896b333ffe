using OrderActors.Common;

namespace OrderActors.Audit;

/// <summary>
/// Keeps audit entries in grain storage (a paged log), so the trail is as durable as the orders it describes.
/// Every request appends to one of a day's shards: appends arriving together share one write (group commit),
/// each answered once a write holding its entry is done.
/// </summary>
[GrainType("audit-log")]
[Orleans.Concurrency.Reentrant]
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Audit)] IPersistentState<AuditLogState> store) : Grain, IAuditLogGrain
{
    /// <summary>How many of the ids appended lately an activation remembers, to recognise a repeat whose first is sealed.</summary>
    private const int RecentCapacity = 1024;

    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private GroupCommit? _commit;

    public Task Append(AuditEntry entry)
    {
        // A retried append comes soon after the first, but the first may already have left the open page in a
        // sealed page (appends arriving together seal several pages at once): the ids this activation appended
        // lately catch it, the open page the rest. A repeat still waits for the next write.
        if (Remember(entry.AuditId) && !store.State.Log.Open.Any(e => e.AuditId == entry.AuditId))
        {
            store.State.Log.Open.Add(entry);
        }

        return (_commit ??= new GroupCommit(async () =>
        {
            await store.State.Log.Seal(GrainFactory, this.GetPrimaryKeyString(), store.State.Log.Open.Count, closing: false);
            await store.WriteStateAsync();
        })).Write();
    }

    public Task<IReadOnlyList<AuditEntry>> List() => store.State.Log.List(GrainFactory, this.GetPrimaryKeyString());

    /// <summary>True if <paramref name="auditId"/> is not among the ids appended lately (it is from now on).</summary>
    private bool Remember(string auditId)
    {
        if (!_recent.Add(auditId))
        {
            return false;
        }

        _recentOrder.Enqueue(auditId);
        if (_recentOrder.Count > RecentCapacity)
        {
            _recent.Remove(_recentOrder.Dequeue());
        }

        return true;
    }
}

/// <summary>A sealed page of a day-shard of the audit trail.</summary>
[GrainType("audit-page")]
public sealed class AuditPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<AuditEntry>> store) : LogPageGrain<AuditEntry>(store);
