namespace OrderActors.Complaints;

[GenerateSerializer, Immutable, Alias("OrderActors.ComplaintQuery")]
public sealed record ComplaintQuery(
    [property: Id(0)] ComplaintStatus? Status,
    [property: Id(1)] bool? Overdue,
    [property: Id(2)] string? Assignee,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] int Limit,
    [property: Id(5)] string? Cursor);
