namespace OrderActors.Settlement;

[GenerateSerializer, Alias("OrderActors.InvoiceBookState")]
public sealed class InvoiceBookState
{
    [Id(0)] public Dictionary<string, Invoice> Invoices { get; set; } = new(StringComparer.Ordinal);
}
