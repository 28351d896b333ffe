namespace OrderActors.Orders;

/// <summary>The invoice the buyer asked for at placement; issuing it belongs to settlement.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.InvoiceRequest")]
public sealed record InvoiceRequest(
    [property: Id(0)] InvoiceKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string? TaxId,
    [property: Id(3)] string? Email);
