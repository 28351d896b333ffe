namespace OrderActors.Settlement;

/// <summary>Where issued invoices are kept: one grain per thousand numbers of a series (key "{series}/{block}").</summary>
[Alias("OrderActors.IInvoiceBookGrain")]
public interface IInvoiceBookGrain : IGrainWithStringKey
{
    [Alias("Store")] Task Store(Invoice invoice);

    [Alias("Get")] Task<Invoice?> Get(string number);

    [Alias("List")] Task<IReadOnlyList<Invoice>> List();
}
