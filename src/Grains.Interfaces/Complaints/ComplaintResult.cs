using OrderActors.Common;

namespace OrderActors.Complaints;

[GenerateSerializer, Immutable, Alias("OrderActors.ComplaintResult")]
public sealed record ComplaintResult(
    [property: Id(0)] ComplaintSnapshot? Complaint,
    [property: Id(1)] Failure? Failure,
    [property: Id(2)] bool Created = false);
