using OrderActors.Common;

namespace OrderActors.Audit;

/// <summary>Keeps audit entries in grain storage, so the trail is as durable as the orders it describes.</summary>
[GrainType("audit-log")]
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.Audit)] IPersistentState<AuditLogState> store) : Grain, IAuditLogGrain
{
    public async Task Append(AuditEntry entry)
    {
        if (store.State.Entries.Exists(e => e.AuditId == entry.AuditId))
        {
            return;
        }

        store.State.Entries.Add(entry);
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> List() => Task.FromResult<IReadOnlyList<AuditEntry>>([.. store.State.Entries]);
}
