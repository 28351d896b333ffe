using OrderActors.Common;
using OrderActors.Stock;

namespace OrderActors.Orders;

public sealed partial class OrderGrain
{
    public async Task<OrderResult> RecordRefund(RecordRefund command)
    {
        if (!State.Exists)
        {
            return OrderResult.Refused(Failure.NotFound("Order"));
        }

        var refundable = State.AmountPaid - State.AmountRefunded;
        if (command.Amount <= 0 || decimal.Round(command.Amount, 2) != command.Amount)
        {
            return OrderResult.Refused(Failure.Invalid("A refund amount is positive with at most 2 decimals."));
        }

        if (command.Amount > refundable)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.RefundExceedsPaid,
                $"Refund of {command.Amount:0.00} exceeds the {refundable:0.00} {State.Currency} paid and not yet refunded."));
        }

        if (LinesRefusal(command.Lines) is { } refusal)
        {
            return OrderResult.Refused(refusal);
        }

        var refund = new RefundRecord($"{OrderId}-R{State.Refunds.Count + 1}", command.Amount, command.Reason, time.GetUtcNow(), command.Actor)
        {
            Lines = command.Lines.Select(l => l with { Warehouse = l.Restock ? l.Warehouse ?? State.Warehouse : null }).ToList(),
        };
        State.Refunds.Add(refund);
        var completed = State.Status is OrderStatus.Completed or OrderStatus.Settled;
        State.LedgerOutbox.Add(Ledger.PostingRules.Refund(Accounts, OrderId, refund, RefundedPayment, State.Lines, completed));
        if (refund.Lines.Any(l => l.Restock))
        {
            State.LedgerOutbox.Add(Ledger.PostingRules.Restock(Accounts, OrderId, refund.RefundId,
                CostOf(refund.Lines.Where(l => l.Restock).Select(l => (l.Sku, l.Quantity))), completed, refund.At));
        }

        State.Version++;
        State.PendingRestock = refund.Lines.Any(l => l.Restock) ? refund : null;
        await Commit();
        await FinishRestock();
        await IssueCreditNotes(command.Actor);
        return Current(created: true);
    }

    /// <summary>Returned goods: SKUs of the order, no more than sold less already returned, restocked only once they had left.</summary>
    private Failure? LinesRefusal(IReadOnlyList<RefundLine> lines)
    {
        foreach (var line in lines)
        {
            var sold = State.Lines.FirstOrDefault(l => l.Sku == line.Sku)?.Quantity ?? 0;
            var returned = State.Refunds.SelectMany(r => r.Lines).Where(l => l.Sku == line.Sku).Sum(l => l.Quantity);
            if (line.Quantity <= 0 || line.Quantity > sold - returned)
            {
                return Failure.Invalid($"{line.Sku}: {sold - returned} of this order's units can still be returned.");
            }
        }

        return lines.Any(l => l.Restock) && State.Shipment is null
            ? Failure.Invalid("Only shipped goods can be restocked; the stock of an order that has not shipped never left.")
            : null;
    }

    private async Task FinishRestock()
    {
        if (State.PendingRestock is not { } refund)
        {
            return;
        }

        await Task.WhenAll(refund.Lines.Where(l => l.Restock).Select(l =>
            GrainFactory.GetGrain<ISkuStockGrain>(l.Sku).Restock($"{refund.RefundId}:{l.Sku}", l.Warehouse!, l.Quantity, refund.Actor)));
        State.PendingRestock = null;
        await store.WriteStateAsync();
    }

    /// <summary>Cancelling an order that was paid pays the money back.</summary>
    private void RefundOnCancel(string actor)
    {
        var owed = State.AmountPaid - State.AmountRefunded;
        if (owed > 0)
        {
            var refund = new RefundRecord($"{OrderId}-R{State.Refunds.Count + 1}", owed, "order cancelled", time.GetUtcNow(), actor);
            State.Refunds.Add(refund);
            State.LedgerOutbox.Add(Ledger.PostingRules.Refund(Accounts, OrderId, refund, RefundedPayment, State.Lines, completed: false));
        }
    }

    /// <summary>Refunds go back the way the money came: to the first payment.</summary>
    private PaymentRecord? RefundedPayment => State.Payments.FirstOrDefault();
}
