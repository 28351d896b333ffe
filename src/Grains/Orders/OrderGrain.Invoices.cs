using OrderActors.Common;
using OrderActors.Settlement;

namespace OrderActors.Orders;

public sealed partial class OrderGrain
{
    public async Task<OrderResult> IssueInvoice(InvoiceRequest request, string actor)
    {
        if (!State.Exists)
        {
            return OrderResult.Refused(Failure.NotFound("Order"));
        }

        if (State.Status is OrderStatus.Cancelled or OrderStatus.Rejected)
        {
            return NotAllowed(OrderAction.Pay);
        }

        if (!State.Invoices.Exists(i => i.Corrects is null))
        {
            var draft = Draft(request, actor) with { Lines = InvoiceMath.Split(State.Lines), IsCreditNote = false };
            var invoice = await Series(request.Kind).Issue($"{OrderId}:invoice", Totals(draft));
            State.Invoices.Add(new InvoiceRecord(invoice.Number, invoice.Kind, invoice.Gross, invoice.IssuedAt));
            State.InvoiceRequest = request;
            State.Version++;
            await Commit();
        }

        await IssueCreditNotes(actor);
        return Current(created: true);
    }

    /// <summary>Every refund after (or before) invoicing gets a credit note that references the invoice.</summary>
    private async Task IssueCreditNotes(string actor)
    {
        if (State.Invoices.Find(i => i.Corrects is null) is not { } original || State.InvoiceRequest is not { } request)
        {
            return;
        }

        var pending = State.Refunds.Where(r => !State.Invoices.Exists(i => i.RefundId == r.RefundId)).ToList();
        foreach (var refund in pending)
        {
            var draft = Draft(request, actor) with
            {
                Lines = InvoiceMath.CreditFor(refund.Amount, InvoiceMath.Split(State.Lines)),
                IsCreditNote = true,
                Corrects = original.Number,
                RefundId = refund.RefundId,
            };
            var note = await Series(request.Kind).Issue($"{refund.RefundId}:credit", Totals(draft));
            State.Invoices.Add(new InvoiceRecord(note.Number, note.Kind, note.Gross, note.IssuedAt) { Corrects = original.Number, RefundId = refund.RefundId });
        }

        if (pending.Count > 0)
        {
            State.Version++;
            await Commit();
        }
    }

    private Invoice Draft(InvoiceRequest request, string actor) => new()
    {
        Number = "",
        Kind = request.Kind,
        IsCreditNote = false,
        OrderId = OrderId,
        CustomerId = State.CustomerId,
        Title = request.Title,
        TaxId = request.TaxId,
        Currency = State.Currency,
        Lines = [],
        Gross = 0,
        Net = 0,
        Tax = 0,
        IssuedAt = time.GetUtcNow(),
        IssuedBy = actor,
    };

    private static Invoice Totals(Invoice draft) =>
        draft with { Gross = draft.Lines.Sum(l => l.Gross), Net = draft.Lines.Sum(l => l.Net), Tax = draft.Lines.Sum(l => l.Tax) };

    private IInvoiceSeriesGrain Series(InvoiceKind kind) =>
        GrainFactory.GetGrain<IInvoiceSeriesGrain>(InvoiceNumbers.SeriesOf(kind, time.GetUtcNow().UtcDateTime.Year));
}
