namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] PaymentTerms PaymentTerms,
    [property: Id(3)] ShortagePolicy OnShortage,
    [property: Id(4)] IReadOnlyList<OrderLineRequest> Lines,
    [property: Id(5)] ShippingAddress? ShippingAddress,
    [property: Id(6)] InvoiceRequest? Invoice,
    [property: Id(7)] string Actor);
