using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Ledger;
using OrderActors.Stock;
using Orleans.Placement;
using Orleans.Runtime;

namespace OrderActors.Orders;

/// <summary>
/// One order: its lines priced at placement, its status and history, payments and shipment. Every
/// command is checked against <see cref="OrderLifecycle"/>, persisted, and only then answered and published.
/// </summary>
/// <remarks>
/// Activated in the silo that first calls it: the order desk of the API host that placed it, so the placement,
/// the order's own write and its event relay stay in one process. Each API host then holds the orders it placed
/// until they have been idle a minute; more API hosts spread them.
/// </remarks>
[GrainType("order"), CollectionAgeLimit(Minutes = 1), PreferLocalPlacement]
public sealed partial class OrderGrain(
    [PersistentState("order", StorageNames.Orders)] IPersistentState<OrderState> store,
    IOptions<OrderOptions> options,
    IOptions<LedgerAccounts> accounts,
    ReadLeases leases,
    TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private IGrainTimer? _outboxRetry;
    private IGrainTimer? _ledgerRetry;
    private Task<bool>? _publishing;

    private OrderState State => store.State;

    private string OrderId => this.GetPrimaryKeyString();

    private OrderOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await FinishPendingStockWork();
        await FinishRestock();
        if (State.Refunds.Count > State.Invoices.Count(i => i.RefundId is not null) && State.Invoices.Count > 0)
        {
            await IssueCreditNotes("system");
        }

        // Events left by an earlier activation go out with the relay's next batch; the first call need not wait for it.
        _ = PublishOutbox(mustSucceed: false);
        await PostLedger();
    }

    public Task<OrderSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot(OrderId) : null);

    private OrderResult Current(bool created = false) => OrderResult.Ok(State.ToSnapshot(OrderId), created);

    private OrderResult NotAllowed(OrderAction action) => OrderResult.Refused(new Failure(
        ErrorCodes.InvalidTransition,
        $"Cannot {Describe(action)} an order in status '{Describe(State.Status)}'.",
        CurrentStatus: Describe(State.Status)));

    /// <summary>Runs the common checks of a lifecycle command: exists, repeat, allowed.</summary>
    private OrderResult? Precheck(OrderAction action)
    {
        if (!State.Exists)
        {
            return OrderResult.Refused(Failure.NotFound("Order"));
        }

        if (OrderLifecycle.IsRepeat(State.Status, action))
        {
            return Current();
        }

        return OrderLifecycle.IsAllowed(State.Status, action) ? null : NotAllowed(action);
    }

    /// <summary>Records a status change in history and queues its event; persisted by <see cref="Commit"/>.</summary>
    private void MoveTo(OrderStatus status, string actor, string? note)
    {
        var previous = State.History.Count == 0 ? (OrderStatus?)null : State.Status;
        var now = time.GetUtcNow();
        State.Status = status;
        State.History.Add(new StatusEntry(status, now, actor, note));
        State.Version++;
        State.Outbox.Add(new OrderStatusChanged(
            $"{OrderId}:{State.Version}", OrderId, State.CustomerId, State.Channel, previous, status,
            State.Total, State.Currency, now, State.Version));
    }

    /// <summary>Persists the state, then tells the rest of the system: events, the customer, the review queue.</summary>
    private async Task Commit(Notification? customerNotice = null, bool wasPendingReview = false)
    {
        await store.WriteStateAsync();
        if (State.Exists)
        {
            await Announce(customerNotice, wasPendingReview);
        }
    }

    /// <summary>Tells the rest of the system of a stored change.</summary>
    private async Task Announce(Notification? customerNotice, bool wasPendingReview)
    {
        // The change is stored; the rest of the system hears of it in parallel (each part is retried from
        // the persisted outboxes or repeated idempotently if this activation dies first). The caller is
        // answered once the events are in the stream queue (the relay's next batch): an acknowledged change
        // reaches the reports even if this silo dies the moment after.
        await Task.WhenAll(PublishOutbox(mustSucceed: true), UpdateReviewQueue(wasPendingReview), TrackWithCustomer(customerNotice), PostLedger());
    }

    private Task UpdateReviewQueue(bool wasPendingReview)
    {
        var queue = GrainFactory.GetGrain<IReviewQueueGrain>(0);
        return State.Status == OrderStatus.PendingReview ? queue.Enqueue(OrderId, State.History[^1].At)
            : wasPendingReview ? queue.Dequeue(OrderId)
            : Task.CompletedTask;
    }

    private Task TrackWithCustomer(Notification? customerNotice) =>
        GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).TrackOrder(
            new CustomerOrder(OrderId, State.Status, State.Channel, State.Total, State.AmountPaid - State.AmountRefunded,
                State.Currency, State.CreatedAt, State.Version),
            customerNotice);

    private LedgerAccounts Accounts => accounts.Value;

    private decimal CostOf(IEnumerable<(string Sku, int Quantity)> goods) =>
        goods.Sum(g => g.Quantity * (State.Lines.FirstOrDefault(l => l.Sku == g.Sku)?.UnitCost ?? 0m));

    private int Returned(string sku) => State.Refunds.SelectMany(r => r.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);

    /// <summary>
    /// Posts the entries of committed changes. What fails stays in the outbox (stored with the change) and is tried
    /// again every <see cref="LedgerRetryPeriod"/> while this activation lives, on its next change, or on its next
    /// activation; a ledger shard keeps each entry once, so a repeat posts nothing twice.
    /// </summary>
    private async Task PostLedger()
    {
        if (State.LedgerOutbox.Count == 0)
        {
            return;
        }

        try
        {
            var posted = await LedgerPosting.PostAll(GrainFactory, State.LedgerOutbox);
            State.LedgerOutbox.RemoveAll(e => posted.Contains(e.EntryId));
            _ledgerRetry?.Dispose();
            _ledgerRetry = null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(logger, ex, "ledger");
            _ledgerRetry ??= this.RegisterGrainTimer(_ => PostLedger(), new GrainTimerCreationOptions(LedgerRetryPeriod, LedgerRetryPeriod) { KeepAlive = true });
        }
    }

    private static readonly TimeSpan LedgerRetryPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Publishes the outbox through the silo's relay, one run at a time (a run publishes what is added while
    /// it runs too). A failure retries on a timer; it is thrown only when <paramref name="mustSucceed"/>.
    /// </summary>
    private async Task PublishOutbox(bool mustSucceed)
    {
        var run = _publishing is { IsCompleted: false } ? _publishing : _publishing = PublishUntilEmpty();
        if (!await run && mustSucceed)
        {
            throw new OrleansException($"Order {OrderId}: the change is stored but its events are not published yet (retried).");
        }
    }

    /// <summary>Publishes until the outbox is empty: false if the relay failed (a timer retries).</summary>
    private async Task<bool> PublishUntilEmpty()
    {
        while (State.Outbox.Count > 0)
        {
            var events = State.Outbox.ToList();
            try
            {
                await GrainFactory.GetGrain<IOrderEventRelayGrain>(0).Publish(new OrderEventBatch(events));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The change is committed; its events go out later. Keep trying while this activation lives
                // (the persisted outbox covers the activation dying too).
                LogPublishFailed(logger, ex, events[0].EventId);
                _outboxRetry ??= this.RegisterGrainTimer(RetryOutbox, new GrainTimerCreationOptions(OutboxRetryPeriod, OutboxRetryPeriod) { KeepAlive = true });
                return false;
            }

            // Removed in memory only: the persisted copy goes with the next write, and if this activation
            // dies first, the events are published again and dropped by their consumers.
            var published = events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            State.Outbox.RemoveAll(e => published.Contains(e.EventId));
        }

        _outboxRetry?.Dispose();
        _outboxRetry = null;
        return true;
    }

    private static readonly TimeSpan OutboxRetryPeriod = TimeSpan.FromSeconds(2);

    private Task RetryOutbox(CancellationToken cancellationToken) => PublishOutbox(mustSucceed: false);

    private async Task FinishPendingStockWork()
    {
        switch (State.Pending)
        {
            case PendingStockWork.Reserving:
            case PendingStockWork.Releasing:
                await StockReservation.ReleaseAll(GrainFactory, OrderId, State.Lines.Select(l => l.Sku));
                State.Warehouse = State.Status == OrderStatus.Cancelled ? State.Warehouse : null;
                State.Pending = PendingStockWork.None;
                if (!State.Exists)
                {
                    await store.ClearStateAsync();
                    return;
                }

                await store.WriteStateAsync();
                break;
            case PendingStockWork.Confirming:
                var held = await Task.WhenAll(State.Lines.Select(l => GrainFactory.GetGrain<ISkuStockGrain>(l.Sku).HeldFor(OrderId)));
                if (held.All(w => w is not null) && held.Distinct(StringComparer.Ordinal).Count() == 1)
                {
                    State.Warehouse = held[0];
                    State.Pending = PendingStockWork.None;
                    await store.WriteStateAsync();
                    await TrackWithCustomer(ConfirmationNotice());
                    break;
                }

                await StockReservation.ReleaseAll(GrainFactory, OrderId, State.Lines.Select(l => l.Sku));
                await store.ClearStateAsync();
                store.State = new OrderState();
                break;
            case PendingStockWork.Shipping:
                await CompleteShipment(State.PendingShipment!);
                break;
        }
    }

    private Notification Notice(string kind, string message, IReadOnlyDictionary<string, string>? data = null) =>
        new($"{OrderId}:{kind}:{State.Version}", kind, message, time.GetUtcNow(), OrderId, Data: data);

    internal static string Describe(OrderStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string Describe(OrderAction action) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(action.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing order event {EventId} failed; it stays in the outbox")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventId);
}
