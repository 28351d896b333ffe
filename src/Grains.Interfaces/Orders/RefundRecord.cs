namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.RefundRecord")]
public sealed record RefundRecord(
    [property: Id(0)] string RefundId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor)
{
    /// <summary>Goods that came back with the refund, and whether they went back into stock.</summary>
    [Id(5)] public IReadOnlyList<RefundLine> Lines { get; init; } = [];
}
