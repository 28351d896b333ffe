namespace OrderActors.Audit;

[GenerateSerializer, Alias("OrderActors.AuditLogState")]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
