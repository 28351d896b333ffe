namespace OrderActors.Audit;

/// <summary>
/// One shard of one UTC day of the audit trail (key "yyyy-MM-dd/shard"). Sharded by target so that no
/// single grain serializes every audited action of a busy day.
/// </summary>
[Alias("OrderActors.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const int Shards = 8;

    [Alias("Append")] Task Append(AuditEntry entry);

    [Alias("List")] Task<IReadOnlyList<AuditEntry>> List();
}
