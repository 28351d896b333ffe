namespace OrderActors.Settlement;

/// <summary>The amounts of one VAT rate on an invoice: gross (tax-inclusive), net and VAT.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.InvoiceLine")]
public sealed record InvoiceLine(
    [property: Id(0)] decimal TaxRate,
    [property: Id(1)] decimal Gross,
    [property: Id(2)] decimal Net,
    [property: Id(3)] decimal Tax);
