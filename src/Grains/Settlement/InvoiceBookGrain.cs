using OrderActors.Common;

namespace OrderActors.Settlement;

[GrainType("invoice-book")]
public sealed class InvoiceBookGrain(
    [PersistentState("book", StorageNames.Orders)] IPersistentState<InvoiceBookState> store) : Grain, IInvoiceBookGrain
{
    public async Task Store(Invoice invoice)
    {
        if (store.State.Invoices.TryAdd(invoice.Number, invoice))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<Invoice?> Get(string number) => Task.FromResult(store.State.Invoices.GetValueOrDefault(number));

    public Task<IReadOnlyList<Invoice>> List() => Task.FromResult<IReadOnlyList<Invoice>>([.. store.State.Invoices.Values]);
}
