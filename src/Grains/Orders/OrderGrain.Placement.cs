using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Stock;

namespace OrderActors.Orders;

public sealed partial class OrderGrain
{
    public async Task<OrderResult> Place(PlaceOrder command)
    {
        if (State.Exists)
        {
            // Order ids are fixed per idempotency key, so this is a retry of the placement that created the
            // order (its first answer may never have arrived): answer as that placement did.
            return Current(created: true);
        }

        var (facts, failure) = await PlacementCheck.Gather(GrainFactory, leases, command.CustomerId, command.Lines);
        return failure is not null ? Refuse(failure) : await PlaceChecked(command, facts!);
    }

    public async Task<OrderResult> PlaceChecked(PlaceOrder command, PlacementFacts facts)
    {
        if (State.Exists)
        {
            return Current(created: true);
        }

        var lines = PlacementCheck.Price(command.Lines, facts.Stock);
        if (PlacementCheck.CertainShortage(Options, command, facts, lines) is { } shortage)
        {
            return Refuse(shortage);
        }

        State.CustomerId = command.CustomerId;
        State.Channel = command.Channel;
        State.PaymentTerms = command.PaymentTerms;
        State.OnShortage = command.OnShortage;
        State.ShippingAddress = command.ShippingAddress;
        State.InvoiceRequest = command.Invoice;
        State.CreatedAt = time.GetUtcNow();
        State.Currency = facts.Stock[0].Catalog.Currency;
        State.Lines = lines;

        var reviewReason = ReviewRules.ManualReviewReason(Options, lines, State.Total, facts.CustomerRequiresReview);
        if (reviewReason is not null)
        {
            State.Exists = true;
            MoveTo(OrderStatus.PendingReview, command.Actor, $"manual review: {reviewReason}");
            await Commit();
            return Current(created: true);
        }

        var refusal = await ReserveStock(facts.Stock, command.Actor, "auto-approved", creating: true);
        return refusal ?? Current(created: true);
    }

    /// <summary>A placement refused before anything was stored: no order exists, so nothing needs to stay active.</summary>
    private OrderResult Refuse(Failure failure)
    {
        store.State = new OrderState();
        DeactivateOnIdle();
        return OrderResult.Refused(failure);
    }

    public async Task<OrderResult> Review(ReviewDecision decision, string? reason, string actor)
    {
        var action = decision == ReviewDecision.Approve ? OrderAction.Approve : OrderAction.Reject;
        if (Precheck(action) is { } early)
        {
            return early;
        }

        if (decision == ReviewDecision.Reject)
        {
            MoveTo(OrderStatus.Rejected, actor, reason ?? "rejected");
            await Commit(wasPendingReview: true);
            return Current();
        }

        return await ReserveStock(null, actor, reason ?? "approved", creating: false) ?? Current();
    }

    public async Task<OrderResult> ModifyLines(IReadOnlyList<OrderLineRequest> lines, string actor)
    {
        if (!State.Exists)
        {
            return OrderResult.Refused(Failure.NotFound("Order"));
        }

        if (!OrderLifecycle.IsAllowed(State.Status, OrderAction.ModifyLines))
        {
            return NotAllowed(OrderAction.ModifyLines);
        }

        var (facts, failure) = await PlacementCheck.Gather(GrainFactory, leases, State.CustomerId, lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        var stock = facts!.Stock;
        var priced = PlacementCheck.Price(lines, stock);
        if (stock[0].Catalog.Currency != State.Currency)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.CurrencyMismatch, $"The order is in {State.Currency}; these SKUs are priced in {stock[0].Catalog.Currency}."));
        }

        var wasPendingReview = State.Status == OrderStatus.PendingReview;
        var previousLines = State.Lines;
        var previousStatus = State.Status;
        State.Lines = priced;
        var reviewReason = ReviewRules.ManualReviewReason(Options, priced, State.Total, facts.CustomerRequiresReview);
        if (reviewReason is not null)
        {
            MoveTo(OrderStatus.PendingReview, actor, $"lines modified; manual review: {reviewReason}");
            await Commit(wasPendingReview: wasPendingReview);
            await DropWaits(previousLines, previousStatus);
            return Current();
        }

        var refusal = await ReserveStock(stock, actor, "lines modified; auto-approved", creating: false, previousLines);
        if (refusal is not null)
        {
            return refusal;
        }

        await DropWaits(previousLines, previousStatus);
        return Current();
    }

    public async Task<OrderResult> RetryBackorder(string actor)
    {
        if (!State.Exists || State.Status != OrderStatus.AwaitingStock)
        {
            return State.Exists ? Current() : OrderResult.Refused(Failure.NotFound("Order"));
        }

        return await ReserveStock(null, actor, "stock arrived", creating: false) ?? Current();
    }

    /// <summary>
    /// Persists the intent, reserves every line, persists the outcome: confirmed, awaitingStock, or
    /// (with onShortage reject) a refusal that leaves the order as it was — or leaves no order at all when placing.
    /// </summary>
    private async Task<OrderResult?> ReserveStock(
        IReadOnlyList<SkuSnapshot>? stock, string actor, string note, bool creating, List<OrderLine>? restoreLinesOnRefusal = null)
    {
        if (creating && State.OnShortage == ShortagePolicy.Reject)
        {
            return await ConfirmNew(stock, actor, note);
        }

        var wasPendingReview = State.Status == OrderStatus.PendingReview && !creating;
        State.Pending = PendingStockWork.Reserving;
        await store.WriteStateAsync();

        var outcome = await StockReservation.ReserveAll(GrainFactory, leases, OrderId, State.Lines, stock);
        State.Pending = PendingStockWork.None;
        if (outcome.Reserved)
        {
            State.Exists = true;
            State.Warehouse = outcome.Warehouse;
            MoveTo(OrderStatus.Confirmed, actor, note);
            await Commit(ConfirmationNotice(), wasPendingReview);
            return null;
        }

        var shortage = new Failure(ErrorCodes.OutOfStock, $"Not enough stock in any one warehouse for: {string.Join(", ", outcome.ShortSkus)}.", outcome.ShortSkus);
        if (State.OnShortage == ShortagePolicy.Backorder)
        {
            State.Exists = true;
            if (State.Status != OrderStatus.AwaitingStock || creating)
            {
                MoveTo(OrderStatus.AwaitingStock, actor, $"{note}; backordered: {string.Join(", ", outcome.ShortSkus)}");
            }

            await Commit(wasPendingReview: wasPendingReview);
            await Task.WhenAll(outcome.ShortSkus.Select(s => GrainFactory.GetGrain<ISkuStockGrain>(s).AwaitStock(OrderId)));
            return null;
        }

        if (creating)
        {
            await store.ClearStateAsync();
            store.State = new OrderState();
            DeactivateOnIdle();
        }
        else
        {
            State.Lines = restoreLinesOnRefusal ?? State.Lines;
            await store.WriteStateAsync();
        }

        return OrderResult.Refused(shortage);
    }

    /// <summary>
    /// A new auto-approved order that rejects shortages: stored once, as confirmed with the reservation
    /// pending, then reserved. Answered confirmed only when both are durable; a crash between them is
    /// settled on the next activation by asking the SKUs (<see cref="PendingStockWork.Confirming"/>).
    /// </summary>
    private async Task<OrderResult?> ConfirmNew(IReadOnlyList<SkuSnapshot>? stock, string actor, string note)
    {
        State.Exists = true;
        State.Pending = PendingStockWork.Confirming;
        MoveTo(OrderStatus.Confirmed, actor, note);
        await store.WriteStateAsync();

        var outcome = await StockReservation.ReserveAll(GrainFactory, leases, OrderId, State.Lines, stock);
        if (outcome.Reserved)
        {
            // Both facts are stored; the cleared flag and the warehouse go with the order's next write.
            State.Pending = PendingStockWork.None;
            State.Warehouse = outcome.Warehouse;
            await Announce(ConfirmationNotice(), wasPendingReview: false);
            return null;
        }

        await store.ClearStateAsync();
        store.State = new OrderState();
        DeactivateOnIdle();
        return OrderResult.Refused(PlacementCheck.Shortage(outcome.ShortSkus));
    }

    /// <summary>A backordered order whose lines changed no longer waits for the SKUs it dropped.</summary>
    private Task DropWaits(IReadOnlyList<OrderLine> previousLines, OrderStatus previousStatus) =>
        previousStatus != OrderStatus.AwaitingStock
            ? Task.CompletedTask
            : StockReservation.ReleaseAll(GrainFactory, OrderId, previousLines.Select(l => l.Sku).Except(State.Lines.Select(l => l.Sku)));

    private Notification ConfirmationNotice() => Notice(NotificationKinds.OrderConfirmation,
        $"Order {OrderId} is confirmed: {State.Lines.Sum(l => l.Quantity)} item(s), total {State.Total:0.00} {State.Currency}.");
}
