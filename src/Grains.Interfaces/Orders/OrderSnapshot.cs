namespace OrderActors.Orders;

/// <summary>The order resource, as <c>GET /api/orders/{orderId}</c> answers it.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.OrderSnapshot")]
public sealed record OrderSnapshot
{
    [Id(0)] public required string OrderId { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public required Channel Channel { get; init; }
    [Id(3)] public required OrderStatus Status { get; init; }
    [Id(4)] public required PaymentTerms PaymentTerms { get; init; }
    [Id(5)] public required ShortagePolicy OnShortage { get; init; }
    [Id(6)] public required PaymentStatus PaymentStatus { get; init; }
    [Id(7)] public required string Currency { get; init; }
    [Id(8)] public required IReadOnlyList<OrderLine> Lines { get; init; }
    [Id(9)] public required decimal Subtotal { get; init; }
    [Id(10)] public required decimal Tax { get; init; }
    [Id(11)] public required decimal Total { get; init; }
    [Id(12)] public required decimal AmountPaid { get; init; }
    [Id(13)] public required decimal AmountRefunded { get; init; }
    [Id(14)] public required decimal BalanceDue { get; init; }
    [Id(15)] public string? Warehouse { get; init; }
    [Id(16)] public Shipment? Shipment { get; init; }
    [Id(17)] public required IReadOnlyList<InvoiceRecord> Invoices { get; init; }
    [Id(18)] public required IReadOnlyList<PaymentRecord> Payments { get; init; }
    [Id(19)] public required IReadOnlyList<RefundRecord> Refunds { get; init; }
    [Id(20)] public required IReadOnlyList<StatusEntry> History { get; init; }
    [Id(21)] public ShippingAddress? ShippingAddress { get; init; }
    [Id(22)] public InvoiceRequest? InvoiceRequest { get; init; }
    [Id(23)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(24)] public required int Version { get; init; }
}
