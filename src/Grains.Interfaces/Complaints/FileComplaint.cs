namespace OrderActors.Complaints;

[GenerateSerializer, Immutable, Alias("OrderActors.FileComplaint")]
public sealed record FileComplaint(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ComplaintCategory Category,
    [property: Id(2)] ComplaintPriority Priority,
    [property: Id(3)] string Description,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] string Actor);
