using OrderActors.Common;

namespace OrderActors.Orders;

public sealed partial class OrderGrain
{
    public async Task<OrderResult> RecordPayment(RecordPayment command)
    {
        if (!State.Exists)
        {
            return OrderResult.Refused(Failure.NotFound("Order"));
        }

        var same = State.Payments.FirstOrDefault(p => p.Method == command.Method && p.ExternalRef == command.ExternalRef);
        if (same is not null)
        {
            return same.Amount == command.Amount
                ? Current()
                : OrderResult.Refused(new Failure(ErrorCodes.PaymentConflict,
                    $"Payment {command.ExternalRef} was already recorded with amount {same.Amount:0.00}."));
        }

        if (!OrderLifecycle.IsAllowed(State.Status, OrderAction.Pay))
        {
            return NotAllowed(OrderAction.Pay);
        }

        if (command.Amount <= 0 || decimal.Round(command.Amount, 2) != command.Amount)
        {
            return OrderResult.Refused(Failure.Invalid("A payment amount is positive with at most 2 decimals."));
        }

        if (command.Amount > State.BalanceDue)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.Overpayment,
                $"Payment of {command.Amount:0.00} exceeds the balance due of {State.BalanceDue:0.00} {State.Currency}."));
        }

        var payment = new PaymentRecord($"{OrderId}-P{State.Payments.Count + 1}", command.Method, command.Amount,
            command.ExternalRef, time.GetUtcNow(), command.Actor);
        State.Payments.Add(payment);
        State.LedgerOutbox.Add(Ledger.PostingRules.Payment(Accounts, OrderId, payment, completed: State.Status == OrderStatus.Completed));
        State.Version++;
        SettleIfPaid(command.Actor);
        await Commit();
        return Current(created: true);
    }
}
