namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.RecordRefund")]
public sealed record RecordRefund(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Reason,
    [property: Id(2)] IReadOnlyList<RefundLine> Lines,
    [property: Id(3)] string Actor);
