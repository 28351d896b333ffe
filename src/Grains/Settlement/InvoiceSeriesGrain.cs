using OrderActors.Common;

namespace OrderActors.Settlement;

[GrainType("invoice-series")]
public sealed class InvoiceSeriesGrain(
    [PersistentState("series", StorageNames.Orders)] IPersistentState<InvoiceSeriesState> store) : Grain, IInvoiceSeriesGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await StorePending();

    public async Task<Invoice> Issue(string requestId, Invoice draft)
    {
        if (store.State.Issued.TryGetValue(requestId, out var known))
        {
            return (await Book(known).Get(known))!;
        }

        // The number, the request and the invoice are written together: no number is ever lost.
        var number = store.State.LastNumber + 1;
        var invoice = draft with { Number = InvoiceNumbers.Format(draft.Kind, draft.IssuedAt.UtcDateTime.Year, number) };
        store.State.LastNumber = number;
        store.State.Issued[requestId] = invoice.Number;
        store.State.Pending = invoice;
        await store.WriteStateAsync();
        await StorePending();
        return invoice;
    }

    public Task<Invoice?> Get(string number) => Book(number).Get(number);

    public async Task<IReadOnlyList<Invoice>> List()
    {
        var blocks = Enumerable.Range(0, (int)(store.State.LastNumber / InvoiceNumbers.BlockSize) + 1)
            .Select(b => GrainFactory.GetGrain<IInvoiceBookGrain>($"{this.GetPrimaryKeyString()}/{b}").List());
        return (await Task.WhenAll(blocks)).SelectMany(b => b).OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
    }

    private async Task StorePending()
    {
        if (store.State.Pending is { } pending)
        {
            await Book(pending.Number).Store(pending);
            store.State.Pending = null;
        }
    }

    private IInvoiceBookGrain Book(string number) => GrainFactory.GetGrain<IInvoiceBookGrain>(InvoiceNumbers.BookOf(number)!);
}
