using OrderActors.Common;

namespace OrderActors.Audit;

/// <summary>Keeps audit entries in grain storage (a paged log), so the trail is as durable as the orders it describes.</summary>
[GrainType("audit-log")]
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Audit)] IPersistentState<AuditLogState> store) : Grain, IAuditLogGrain
{
    public async Task Append(AuditEntry entry)
    {
        // A retried append comes right after the first: looking at the open page is enough.
        if (store.State.Log.Open.Exists(e => e.AuditId == entry.AuditId))
        {
            return;
        }

        await store.State.Log.Append(GrainFactory, this.GetPrimaryKeyString(), [entry]);
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> List() => store.State.Log.List(GrainFactory, this.GetPrimaryKeyString());
}

/// <summary>A sealed page of a day-shard of the audit trail.</summary>
[GrainType("audit-page")]
public sealed class AuditPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<AuditEntry>> store) : LogPageGrain<AuditEntry>(store);
