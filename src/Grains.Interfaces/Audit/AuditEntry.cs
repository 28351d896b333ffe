namespace OrderActors.Audit;

/// <summary>One privileged action: who did what to which target, when, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string AuditId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Role,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] string Outcome,
    [property: Id(7)] int Status,
    [property: Id(8)] string? Detail);
