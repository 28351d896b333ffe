using OrderActors.Complaints;

namespace OrderActors.ApiHost.Complaints;

public sealed record FileComplaintRequest(ComplaintCategory? Category, string? Description, string? OrderId, ComplaintPriority? Priority);

public sealed record ComplaintActionRequest(string? Assignee, string? Note);

public sealed record ComplaintResource(
    string ComplaintId, string CustomerId, string? OrderId, ComplaintCategory Category, ComplaintPriority Priority, string Description,
    ComplaintStatus Status, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? Resolution, IReadOnlyList<ComplaintEvent> History, int Version)
{
    public static ComplaintResource From(ComplaintSnapshot c, DateTimeOffset now) => new(
        c.ComplaintId, c.CustomerId, c.OrderId, c.Category, c.Priority, c.Description, c.Status, c.Assignee, c.CreatedAt, c.DueAt,
        c.IsOverdue(now), c.ResolvedAt, c.ClosedAt, c.Resolution, c.History, c.Version);
}
