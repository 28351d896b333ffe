using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>
/// The serialization point for one SKU: check-and-reserve happens in one grain turn, so stock never
/// oversells. Invariants: 0 ≤ reserved ≤ onHand per warehouse; one reservation per order.
/// </summary>
[GrainType("sku-stock")]
public sealed class SkuStockGrain(
    [PersistentState("sku", StorageNames.Stock)] IPersistentState<SkuStockState> store,
    TimeProvider time) : Grain, ISkuStockGrain
{
    private SkuStockState State => store.State;

    private string Sku => this.GetPrimaryKeyString();

    public async Task<(SkuSnapshot Sku, bool Created)> Upsert(SkuCatalog catalog)
    {
        var created = State.Catalog is null;
        if (State.Catalog == catalog)
        {
            return (Snapshot(), false);
        }

        State.Catalog = catalog;
        State.Version++;
        await store.WriteStateAsync();
        return (Snapshot(), created);
    }

    public Task<SkuSnapshot?> Get() => Task.FromResult(State.Catalog is null ? null : Snapshot());

    public async Task<ReservationResult> Reserve(string orderId, int quantity, IReadOnlyList<string>? warehouses)
    {
        if (State.Catalog is null)
        {
            return new ReservationResult(false, null, 0, UnknownSku: true);
        }

        if (State.Reservations.TryGetValue(orderId, out var existing))
        {
            return new ReservationResult(true, existing.Warehouse, State.Warehouses[existing.Warehouse].Available);
        }

        var acceptable = (warehouses ?? State.Warehouses.OrderByDescending(w => w.Value.Available)
                .ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).ToList())
            .Where(State.Warehouses.ContainsKey).ToList();
        var chosen = acceptable.FirstOrDefault(w => State.Warehouses[w].Available >= quantity);
        if (chosen is null || quantity <= 0)
        {
            await RaiseShortage();
            return new ReservationResult(false, null, acceptable.Select(w => State.Warehouses[w].Available).DefaultIfEmpty(0).Max());
        }

        State.Warehouses[chosen].Reserved += quantity;
        State.Reservations[orderId] = new Reservation(chosen, quantity);
        State.Waiting.Remove(orderId);
        State.Version++;
        await store.WriteStateAsync();
        return new ReservationResult(true, chosen, State.Warehouses[chosen].Available);
    }

    public async Task<bool> Release(string orderId)
    {
        var waited = State.Waiting.Remove(orderId);
        if (!State.Reservations.Remove(orderId, out var reservation))
        {
            if (waited)
            {
                await store.WriteStateAsync();
            }

            return false;
        }

        State.Warehouses[reservation.Warehouse].Reserved -= reservation.Quantity;
        State.Version++;
        await store.WriteStateAsync();
        return true;
    }

    public async Task<bool> Ship(string orderId)
    {
        if (!State.Reservations.Remove(orderId, out var reservation))
        {
            return false;
        }

        var level = State.Warehouses[reservation.Warehouse];
        level.Reserved -= reservation.Quantity;
        level.OnHand -= reservation.Quantity;
        State.Version++;
        await store.WriteStateAsync();
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

        if (!State.Warehouses.TryGetValue(command.Warehouse, out var level))
        {
            State.Warehouses[command.Warehouse] = level = new WarehouseLevel();
        }

        level.OnHand += command.Quantity;
        State.Version++;
        var replenished = State.ShortageRaised;
        State.ShortageRaised = false;
        await store.WriteStateAsync();
        if (replenished)
        {
            await Notices.Post(new Notification($"{Sku}:replenishment:{State.Version}", NotificationKinds.Replenishment,
                $"{Sku}: {command.Quantity} received in {command.Warehouse}; {State.Levels().Available} available.",
                time.GetUtcNow(), Sku: Sku));
        }

        return new ReceiptOutcome(Snapshot(), [.. State.Waiting]);
    }

    public async Task AwaitStock(string orderId)
    {
        if (!State.Waiting.Contains(orderId) && !State.Reservations.ContainsKey(orderId))
        {
            State.Waiting.Add(orderId);
            await store.WriteStateAsync();
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
        await store.WriteStateAsync();
        await Notices.Post(new Notification($"{Sku}:shortage:{State.Version}", NotificationKinds.Shortage,
            $"{Sku} is short: an order could not be filled ({State.Levels().Available} available).", time.GetUtcNow(), Sku: Sku));
    }

    private IOperationsNoticeGrain Notices => GrainFactory.GetGrain<IOperationsNoticeGrain>(0);

    private SkuSnapshot Snapshot() => new(Sku, State.Catalog!, State.Levels(), State.Version);
}
