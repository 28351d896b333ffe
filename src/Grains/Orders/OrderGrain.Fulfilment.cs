using OrderActors.Common;
using OrderActors.Stock;
using Orleans.Runtime;

namespace OrderActors.Orders;

public sealed partial class OrderGrain
{
    private const string AutoCompleteReminder = "auto-complete";

    public async Task<OrderResult> Pick(string actor)
    {
        if (Precheck(OrderAction.Pick) is { } early)
        {
            return early;
        }

        if (State.PaymentTerms == PaymentTerms.Prepaid && !State.IsPaidInFull)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.PaymentRequired,
                $"A prepaid order must be paid in full before picking; {State.BalanceDue:0.00} {State.Currency} is due.",
                CurrentStatus: Describe(State.Status)));
        }

        MoveTo(OrderStatus.Picking, actor, null);
        await Commit();
        return Current();
    }

    public async Task<OrderResult> Pack(string actor)
    {
        if (Precheck(OrderAction.Pack) is { } early)
        {
            return early;
        }

        MoveTo(OrderStatus.Packed, actor, null);
        await Commit();
        return Current();
    }

    public async Task<OrderResult> Ship(ShipOrder command)
    {
        if (Precheck(OrderAction.Ship) is { } early)
        {
            return early;
        }

        if (command.Warehouse is not null && command.Warehouse != State.Warehouse)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.WarehouseMismatch,
                $"The order's stock is reserved in warehouse '{State.Warehouse}', not '{command.Warehouse}'.", [State.Warehouse ?? ""]));
        }

        State.Pending = PendingStockWork.Shipping;
        State.PendingShipment = command;
        await store.WriteStateAsync();
        await CompleteShipment(command);
        return Current();
    }

    private async Task CompleteShipment(ShipOrder command)
    {
        await Task.WhenAll(State.Lines.Select(l => GrainFactory.GetGrain<ISkuStockGrain>(l.Sku).Ship(OrderId)));
        State.Pending = PendingStockWork.None;
        State.PendingShipment = null;
        State.Shipment = new Shipment(State.Warehouse ?? "", command.Carrier, command.TrackingNumber, time.GetUtcNow(), null);
        State.LedgerOutbox.Add(Ledger.PostingRules.Shipment(Accounts, OrderId, CostOf(State.Lines.Select(l => (l.Sku, l.Quantity))), time.GetUtcNow()));
        MoveTo(OrderStatus.Shipped, command.Actor, $"{command.Carrier} {command.TrackingNumber}");
        await Commit(Notice(NotificationKinds.ShippingNotice,
            $"Order {OrderId} has shipped with {command.Carrier}, tracking number {command.TrackingNumber}.",
            new Dictionary<string, string> { ["carrier"] = command.Carrier, ["trackingNumber"] = command.TrackingNumber }));
    }

    public async Task<OrderResult> Deliver(string actor)
    {
        if (Precheck(OrderAction.Deliver) is { } early)
        {
            return early;
        }

        State.Shipment = State.Shipment! with { DeliveredAt = time.GetUtcNow() };
        MoveTo(OrderStatus.Delivered, actor, null);
        await Commit();
        var after = Options.AutoCompleteAfter;
        await this.RegisterOrUpdateReminder(AutoCompleteReminder, after, after < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : after);
        return Current();
    }

    public async Task<OrderResult> Complete(string actor)
    {
        if (Precheck(OrderAction.Complete) is { } early)
        {
            return early;
        }

        MoveTo(OrderStatus.Completed, actor, actor == SystemActor ? "completed automatically after delivery" : null);
        State.LedgerOutbox.Add(Ledger.PostingRules.Completion(Accounts, OrderId, State.Lines, State.Total - State.AmountRefunded,
            State.AmountPaid - State.AmountRefunded, CostOf(State.Lines.Select(l => (l.Sku, l.Quantity - Returned(l.Sku)))), time.GetUtcNow()));
        SettleIfPaid(actor);
        await Commit();
        await StopAutoComplete();
        return Current();
    }

    public async Task<OrderResult> Cancel(string? reason, string actor)
    {
        if (Precheck(OrderAction.Cancel) is { } early)
        {
            return early;
        }

        var wasPendingReview = State.Status == OrderStatus.PendingReview;
        var holdsStock = OrderLifecycle.HoldsReservation(State.Status) || State.Status == OrderStatus.AwaitingStock;
        MoveTo(OrderStatus.Cancelled, actor, reason);
        RefundOnCancel(actor);
        State.Pending = holdsStock ? PendingStockWork.Releasing : PendingStockWork.None;
        await Commit(wasPendingReview: wasPendingReview);
        if (holdsStock)
        {
            await StockReservation.ReleaseAll(GrainFactory, OrderId, State.Lines.Select(l => l.Sku));
            State.Pending = PendingStockWork.None;
            await store.WriteStateAsync();
        }

        await IssueCreditNotes(actor);
        return Current();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != AutoCompleteReminder)
        {
            return;
        }

        if (State.Exists && State.Status == OrderStatus.Delivered)
        {
            var due = State.Shipment?.DeliveredAt + Options.AutoCompleteAfter;
            if (due > time.GetUtcNow())
            {
                return;
            }

            await Complete(SystemActor);
            return;
        }

        await StopAutoComplete();
    }

    private async Task StopAutoComplete()
    {
        if (await this.GetReminder(AutoCompleteReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void SettleIfPaid(string actor)
    {
        if (State.Status == OrderStatus.Completed && State.BalanceDue == 0)
        {
            MoveTo(OrderStatus.Settled, actor, "paid in full");
        }
    }

    private const string SystemActor = "system";
}
