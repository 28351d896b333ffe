using OrderActors.Common;

namespace OrderActors.Audit;

[GenerateSerializer, Alias("OrderActors.AuditLogState")]
public sealed class AuditLogState
{
    [Id(1)] public PagedLog<AuditEntry> Log { get; set; } = new();
}
