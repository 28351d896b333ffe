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
    private GroupCommit? _commit;

    public Task Append(AuditEntry entry)
    {
        // A retried append comes right after the first: looking at the open page is enough (and a repeat
        // still waits for the write that holds the first).
        if (!store.State.Log.Open.Exists(e => e.AuditId == entry.AuditId))
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
}

/// <summary>A sealed page of a day-shard of the audit trail.</summary>
[GrainType("audit-page")]
public sealed class AuditPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<AuditEntry>> store) : LogPageGrain<AuditEntry>(store);
