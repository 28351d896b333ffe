namespace OrderActors.Complaints;

[GenerateSerializer, Immutable, Alias("OrderActors.ComplaintSnapshot")]
public sealed record ComplaintSnapshot
{
    [Id(0)] public required string ComplaintId { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public string? OrderId { get; init; }
    [Id(3)] public required ComplaintCategory Category { get; init; }
    [Id(4)] public required ComplaintPriority Priority { get; init; }
    [Id(5)] public required string Description { get; init; }
    [Id(6)] public required ComplaintStatus Status { get; init; }
    [Id(7)] public string? Assignee { get; init; }
    [Id(8)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(9)] public required DateTimeOffset DueAt { get; init; }
    [Id(10)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(11)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(12)] public string? Resolution { get; init; }
    [Id(13)] public required IReadOnlyList<ComplaintEvent> History { get; init; }
    [Id(14)] public required int Version { get; init; }

    /// <summary>Past its due time and not yet resolved.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status is ComplaintStatus.Open or ComplaintStatus.InProgress && now > DueAt;

    /// <summary>Resolved after its due time, or still unresolved past it.</summary>
    public bool BreachedSla(DateTimeOffset now) => (ResolvedAt ?? now) > DueAt && (ResolvedAt is not null || IsOverdue(now));
}
