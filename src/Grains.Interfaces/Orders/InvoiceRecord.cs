namespace OrderActors.Orders;

/// <summary>An invoice issued for the order; a credit note has a negative amount and names the invoice it corrects.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.InvoiceRecord")]
public sealed record InvoiceRecord(
    [property: Id(0)] string Number,
    [property: Id(1)] InvoiceKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateTimeOffset IssuedAt)
{
    [Id(4)] public string? Corrects { get; init; }

    [Id(5)] public string? RefundId { get; init; }
}
