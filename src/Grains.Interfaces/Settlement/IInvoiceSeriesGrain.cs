namespace OrderActors.Settlement;

/// <summary>
/// One numbering series (key "{kind}-{year}"): numbers are handed out in order with no gaps. The number
/// and the invoice are written together, and a repeated request gets the number it got before.
/// </summary>
[Alias("OrderActors.IInvoiceSeriesGrain")]
public interface IInvoiceSeriesGrain : IGrainWithStringKey
{
    /// <param name="requestId">The order (for an invoice) or refund (for a credit note) it is issued for.</param>
    [Alias("Issue")] Task<Invoice> Issue(string requestId, Invoice draft);

    [Alias("Get")] Task<Invoice?> Get(string number);

    [Alias("List")] Task<IReadOnlyList<Invoice>> List();
}
