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

        var customer = await GrainFactory.GetGrain<ICustomerGrain>(command.CustomerId).Get();
        if (customer is null)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.UnknownCustomer, $"Customer '{command.CustomerId}' does not exist.", [command.CustomerId]));
        }

        var (lines, stock, failure) = await PriceLines(command.Lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        State.CustomerId = command.CustomerId;
        State.Channel = command.Channel;
        State.PaymentTerms = command.PaymentTerms;
        State.OnShortage = command.OnShortage;
        State.ShippingAddress = command.ShippingAddress;
        State.InvoiceRequest = command.Invoice;
        State.CreatedAt = time.GetUtcNow();
        State.Currency = stock[0].Catalog.Currency;
        State.Lines = lines;

        var reviewReason = ReviewRules.ManualReviewReason(Options, lines, State.Total, customer.Profile.RequiresReview);
        if (reviewReason is not null)
        {
            State.Exists = true;
            MoveTo(OrderStatus.PendingReview, command.Actor, $"manual review: {reviewReason}");
            await Commit();
            return Current(created: true);
        }

        // Sold out as far as the prices we just read show: refuse without writing anything. A flash sale's
        // thousands of late attempts then cost two reads each instead of two writes.
        if (command.OnShortage == ShortagePolicy.Reject && WarehousePlanner.Plan(lines, stock) is { Candidates.Count: 0, ShortSkus: var shortSkus })
        {
            store.State = new OrderState();
            return OrderResult.Refused(new Failure(ErrorCodes.OutOfStock, $"Not enough stock in any one warehouse for: {string.Join(", ", shortSkus)}.", shortSkus));
        }

        var refusal = await ReserveStock(stock, command.Actor, "auto-approved", creating: true);
        return refusal ?? Current(created: true);
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

        var (priced, stock, failure) = await PriceLines(lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        if (stock[0].Catalog.Currency != State.Currency)
        {
            return OrderResult.Refused(new Failure(ErrorCodes.CurrencyMismatch, $"The order is in {State.Currency}; these SKUs are priced in {stock[0].Catalog.Currency}."));
        }

        var wasPendingReview = State.Status == OrderStatus.PendingReview;
        var previousLines = State.Lines;
        var previousStatus = State.Status;
        State.Lines = priced;
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).Get();
        var reviewReason = ReviewRules.ManualReviewReason(Options, priced, State.Total, customer?.Profile.RequiresReview ?? false);
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
        var wasPendingReview = State.Status == OrderStatus.PendingReview && !creating;
        State.Pending = PendingStockWork.Reserving;
        await store.WriteStateAsync();

        var outcome = await StockReservation.ReserveAll(GrainFactory, OrderId, State.Lines, stock);
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
        }
        else
        {
            State.Lines = restoreLinesOnRefusal ?? State.Lines;
            await store.WriteStateAsync();
        }

        return OrderResult.Refused(shortage);
    }

    private async Task<(List<OrderLine> Lines, IReadOnlyList<SkuSnapshot> Stock, Failure? Failure)> PriceLines(IReadOnlyList<OrderLineRequest> requested)
    {
        if (requested.Count is < 1 or > 100 || requested.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count() != requested.Count
            || requested.Any(l => l.Quantity <= 0))
        {
            return ([], [], Failure.Invalid("An order has 1 to 100 lines, each SKU once, each with a positive quantity."));
        }

        var found = await Task.WhenAll(requested.Select(l => GrainFactory.GetGrain<ISkuStockGrain>(l.Sku).Get()));
        var unknown = requested.Where((_, i) => found[i] is null).Select(l => l.Sku).ToList();
        if (unknown.Count > 0)
        {
            return ([], [], new Failure(ErrorCodes.UnknownSku, $"Unknown SKU: {string.Join(", ", unknown)}.", unknown));
        }

        var stock = found.Select(s => s!).ToList();
        if (stock.Select(s => s.Catalog.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return ([], [], new Failure(ErrorCodes.CurrencyMismatch, "All lines of an order must be priced in one currency."));
        }

        var lines = requested.Select((l, i) => new OrderLine(l.Sku, stock[i].Catalog.Name, l.Quantity, stock[i].Catalog.UnitPrice,
            stock[i].Catalog.TaxRate, OrderPricing.LineTotal(stock[i].Catalog.UnitPrice, l.Quantity)) { UnitCost = stock[i].Catalog.UnitCost }).ToList();
        return (lines, stock, null);
    }

    /// <summary>A backordered order whose lines changed no longer waits for the SKUs it dropped.</summary>
    private Task DropWaits(IReadOnlyList<OrderLine> previousLines, OrderStatus previousStatus) =>
        previousStatus != OrderStatus.AwaitingStock
            ? Task.CompletedTask
            : StockReservation.ReleaseAll(GrainFactory, OrderId, previousLines.Select(l => l.Sku).Except(State.Lines.Select(l => l.Sku)));

    private Notification ConfirmationNotice() => Notice(NotificationKinds.OrderConfirmation,
        $"Order {OrderId} is confirmed: {State.Lines.Sum(l => l.Quantity)} item(s), total {State.Total:0.00} {State.Currency}.");
}
