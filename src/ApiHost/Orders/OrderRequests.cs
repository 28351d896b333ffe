using OrderActors.Orders;

namespace OrderActors.ApiHost.Orders;

public sealed record PlaceOrderRequest(
    string? CustomerId, Channel? Channel, PaymentTerms? PaymentTerms, ShortagePolicy? OnShortage,
    List<OrderLineBody?>? Lines, AddressBody? ShippingAddress, InvoiceBody? Invoice);

public sealed record OrderLineBody(string? Sku, int? Quantity);

public sealed record AddressBody(string? Name, string? Phone, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

public sealed record InvoiceBody(InvoiceKind? Kind, string? Title, string? TaxId, string? Email);

public sealed record ReviewRequest(ReviewDecision? Decision, string? Reason);

public sealed record ModifyLinesRequest(List<OrderLineBody?>? Lines);

public sealed record ShipRequest(string? Carrier, string? TrackingNumber, string? Warehouse);

public sealed record CancelRequest(string? Reason);

public sealed record PaymentRequest(PaymentMethod? Method, decimal? Amount, string? ExternalRef);

public sealed record ReviewQueueItem(string OrderId, string CustomerId, decimal Total, string Currency, DateTimeOffset PendingSince, string? Reason);

public sealed record RefundRequest(decimal? Amount, string? Reason, List<RefundLineBody?>? Lines);

public sealed record RefundLineBody(string? Sku, int? Quantity, bool? Restock, string? Warehouse);
