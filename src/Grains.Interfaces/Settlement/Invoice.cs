using OrderActors.Orders;

namespace OrderActors.Settlement;

/// <summary>An invoice, or a credit note (红字发票) with negative amounts that references the invoice it corrects.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.Invoice")]
public sealed record Invoice
{
    [Id(0)] public required string Number { get; init; }
    [Id(1)] public required InvoiceKind Kind { get; init; }
    [Id(2)] public required bool IsCreditNote { get; init; }
    [Id(3)] public string? Corrects { get; init; }
    [Id(4)] public required string OrderId { get; init; }
    [Id(5)] public required string CustomerId { get; init; }
    [Id(6)] public required string Title { get; init; }
    [Id(7)] public string? TaxId { get; init; }
    [Id(8)] public required string Currency { get; init; }
    [Id(9)] public required IReadOnlyList<InvoiceLine> Lines { get; init; }
    [Id(10)] public required decimal Gross { get; init; }
    [Id(11)] public required decimal Net { get; init; }
    [Id(12)] public required decimal Tax { get; init; }
    [Id(13)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(14)] public required string IssuedBy { get; init; }
    [Id(15)] public string? RefundId { get; init; }
}
