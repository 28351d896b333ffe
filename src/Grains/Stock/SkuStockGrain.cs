using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Inventory;

namespace OrderActors.Stock;

/// <summary>
/// The serialization point for one SKU: check-and-reserve happens in one grain turn, so stock never
/// oversells. Invariants: 0 ≤ reserved ≤ onHand per warehouse; one reservation per order; on-hand is the
/// sum of the movements this grain records with every change.
/// </summary>
[GrainType("sku-stock")]
[Orleans.Concurrency.Reentrant]
public sealed partial class SkuStockGrain(
    [PersistentState("sku", StorageNames.Stock)] IPersistentState<SkuStockState> store,
    [PersistentState("reservations", StorageNames.Stock)] IPersistentState<ReservationSnapshot> reservations,
    IOptions<InventoryOptions> inventory,
    IOptions<Ledger.LedgerAccounts> accounts,
    IOptions<ReadLeaseOptions> leaseOptions,
    TimeProvider time,
    ILogger<SkuStockGrain> logger) : Grain, ISkuStockGrain
{
    private SkuStockState State => store.State;

    private string Sku => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _leases = new ReadLeaseGrants(time, leaseOptions.Value.Duration, State.LendingUntil, until => State.LendingUntil = until);
        LoadReservations();
        await PublishMovements();
        await PostLedger();
        await Deliver();
    }

    public async Task<(SkuSnapshot Sku, bool Created)> Upsert(SkuCatalog catalog)
    {
        var created = State.Catalog is null;
        if (State.Catalog == catalog)
        {
            return (Snapshot(), false);
        }

        // Prices and names are lent to placements' caches: a changed catalog is not read from them once this answers.
        using (await ChangingLentFigures())
        {
            State.Catalog = catalog;
            State.Version++;
            await Commit();
        }

        if (created)
        {
            await GrainFactory.GetGrain<IInventoryRegistryGrain>(0).AddSku(Sku);
        }

        return (Snapshot(), created);
    }

    public Task<SkuSnapshot?> Get() => Task.FromResult(State.Catalog is null ? null : Snapshot());

    public Task<IReadOnlyList<StockMovement>> Movements(DateTimeOffset from, DateTimeOffset to) =>
        State.Movements.List(GrainFactory, Sku, from, to);

    public async Task<string?> HeldFor(string orderId)
    {
        if (!State.Reservations.ContainsKey(orderId))
        {
            return null;
        }

        // Only a stored reservation counts: wait for a write that covers it (and look again after it).
        await WriteBatched();
        return State.Reservations.TryGetValue(orderId, out var reservation) ? reservation.Warehouse : null;
    }

    public async Task<ReservationResult> Reserve(string orderId, int quantity, IReadOnlyList<string>? warehouses)
    {
        if (State.Catalog is null)
        {
            return new ReservationResult(false, null, 0, UnknownSku: true);
        }

        if (State.Reservations.TryGetValue(orderId, out var existing))
        {
            // A repeat: answer once the reservation is stored (its write may still be running).
            await WriteBatched();
            return new ReservationResult(true, existing.Warehouse, State.Warehouses[existing.Warehouse].Available, Version: State.Version);
        }

        var acceptable = (warehouses ?? State.Warehouses.OrderByDescending(w => w.Value.Available)
                .ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).ToList())
            .Where(State.Warehouses.ContainsKey).ToList();
        var chosen = acceptable.FirstOrDefault(w => State.Warehouses[w].Available >= quantity);
        if (chosen is null || quantity <= 0)
        {
            await RaiseShortage();
            return new ReservationResult(false, null, acceptable.Select(w => State.Warehouses[w].Available).DefaultIfEmpty(0).Max(), Version: State.Version);
        }

        State.Reservations.Set(orderId, new Reservation(chosen, quantity));
        State.Waiting.Remove(orderId);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        State.DailyDemand[today] = State.DailyDemand.GetValueOrDefault(today) + quantity;
        Move(chosen, MovementKind.Reservation, 0, quantity, "system", orderId);
        await Commit();
        if (State.Levels().Available == 0)
        {
            // Sold out: operations hear of it now, not only when an order is refused.
            await RaiseShortage();
        }

        return new ReservationResult(true, chosen, State.Warehouses[chosen].Available, Version: State.Version);
    }

    public async Task<bool> Release(string orderId)
    {
        var waited = State.Waiting.Remove(orderId);
        if (State.Reservations.ContainsKey(orderId))
        {
            using (await ChangingLentFigures())
            {
                // Looked up again: a repeat of this call may have released it while the leases were revoked.
                if (State.Reservations.Remove(orderId, out var reservation))
                {
                    Move(reservation.Warehouse, MovementKind.Release, 0, -reservation.Quantity, "system", orderId);
                    await Commit();
                    return true;
                }
            }
        }

        if (waited)
        {
            await WriteBatched();
        }

        return false;
    }

    public async Task<bool> Ship(string orderId)
    {
        if (!State.Reservations.Remove(orderId, out var reservation))
        {
            return false;
        }

        Move(reservation.Warehouse, MovementKind.Shipment, -reservation.Quantity, -reservation.Quantity, "system", orderId);
        await Commit();
        return true;
    }

    public async Task<ReceiptOutcome> Receive(ReceiveStock command)
    {
        if (State.Catalog is null)
        {
            return new ReceiptOutcome(null, []);
        }

        if (command.Quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(command), "A receipt quantity is positive.");
        }

        using (await ChangingLentFigures())
        {
            Move(command.Warehouse, MovementKind.Receipt, command.Quantity, 0, command.Actor, command.Reference);
            if (State.ShortageRaised)
            {
                State.NoticeOutbox.Add(new Notification($"{Sku}:replenishment:{State.Version}", NotificationKinds.Replenishment,
                    $"{Sku}: {command.Quantity} received in {command.Warehouse}; {State.Levels().Available} available.",
                    time.GetUtcNow(), Sku: Sku));
            }

            State.ShortageRaised = false;
            await Commit();
        }

        return new ReceiptOutcome(Snapshot(), [.. State.Waiting]);
    }

    public async Task AwaitStock(string orderId)
    {
        if (!State.Waiting.Contains(orderId) && !State.Reservations.ContainsKey(orderId))
        {
            State.Waiting.Add(orderId);
            await WriteBatched();
        }
    }

    /// <summary>One notice per stock-out, not one per refused order: a flash sale must not flood operations.</summary>
    private async Task RaiseShortage()
    {
        if (State.ShortageRaised)
        {
            return;
        }

        State.ShortageRaised = true;
        State.NoticeOutbox.Add(new Notification($"{Sku}:shortage:{State.Version}", NotificationKinds.Shortage,
            $"{Sku} is short: an order could not be filled ({State.Levels().Available} available).", time.GetUtcNow(), Sku: Sku));
        await WriteBatched();
        await Deliver();
    }

    private IOperationsNoticeGrain Notices => GrainFactory.GetGrain<IOperationsNoticeGrain>(0);

    private SkuSnapshot Snapshot() => new(Sku, State.Catalog!, State.Levels(), State.Version);
}
