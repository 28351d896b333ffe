namespace OrderActors.Complaints;

/// <summary>One change in a complaint's history.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.ComplaintEvent")]
public sealed record ComplaintEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] ComplaintStatus Status,
    [property: Id(4)] string? Assignee,
    [property: Id(5)] string? Note);
