namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.InvoiceRecord")]
public sealed record InvoiceRecord(
    [property: Id(0)] string Number,
    [property: Id(1)] InvoiceKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateTimeOffset IssuedAt);
