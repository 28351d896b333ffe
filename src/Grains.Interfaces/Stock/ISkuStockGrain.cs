using OrderActors.Common;
using OrderActors.Inventory;

namespace OrderActors.Stock;

/// <summary>
/// One SKU's catalog data and stock across warehouses; the serialization point for that SKU.
/// Every change is a movement; reservations are keyed by order id, so every call here is safe to repeat.
/// </summary>
[Alias("OrderActors.ISkuStockGrain")]
public interface ISkuStockGrain : IGrainWithStringKey
{
    /// <returns>The snapshot, and whether the SKU was created by this call.</returns>
    [Alias("Upsert")] Task<(SkuSnapshot Sku, bool Created)> Upsert(SkuCatalog catalog);

    [Alias("Get")] Task<SkuSnapshot?> Get();

    /// <summary>
    /// The snapshot, lent to <paramref name="holder"/> to cache: while the lease runs, available stock in no
    /// warehouse rises and the catalog does not change until the lease is revoked, so the cached figures are an
    /// upper bound a refusal can trust (a reservation still decides). Null when the SKU does not exist; no holder
    /// (null) reads it without a lease.
    /// </summary>
    [Alias("Lease")] Task<Leased<SkuSnapshot>> Lease(IReadLeaseHolder? holder);

    /// <summary>The movements recorded in [from, to], oldest first.</summary>
    [Alias("Movements")] Task<IReadOnlyList<StockMovement>> Movements(DateTimeOffset from, DateTimeOffset to);

    /// <param name="warehouses">Acceptable warehouses in order of preference; null accepts any.</param>
    [Alias("Reserve")] Task<ReservationResult> Reserve(string orderId, int quantity, IReadOnlyList<string>? warehouses);

    [Alias("Release")] Task<bool> Release(string orderId);

    /// <summary>The warehouse holding a stored reservation for the order, or null when there is none.</summary>
    [Alias("HeldFor")] Task<string?> HeldFor(string orderId);

    /// <summary>The reserved quantity leaves on-hand. False when no reservation exists for the order.</summary>
    [Alias("Ship")] Task<bool> Ship(string orderId);

    [Alias("Receive")] Task<ReceiptOutcome> Receive(ReceiveStock command);

    /// <summary>Remember a backordered order so receipts can fill it first-come first-served.</summary>
    [Alias("AwaitStock")] Task AwaitStock(string orderId);

    /// <param name="operationId">Makes the call idempotent: the same id applies once.</param>
    [Alias("Adjust")] Task<StockChangeResult> Adjust(string operationId, string warehouse, int quantityDelta, AdjustmentReason reason, string? note, string actor);

    /// <summary>Moves available stock between two warehouses in one turn: it is never in both, nor in neither.</summary>
    [Alias("Transfer")] Task<StockChangeResult> Transfer(string transferId, string fromWarehouse, string toWarehouse, int quantity, string? reference, string actor);

    /// <summary>Goods returned by a customer go back on hand (idempotent by return id).</summary>
    [Alias("Restock")] Task<StockChangeResult> Restock(string returnId, string warehouse, int quantity, string actor);

    /// <summary>Applies a cycle count's variance to on-hand (idempotent by count id).</summary>
    [Alias("CorrectCount")] Task<StockChangeResult> CorrectCount(string countId, string warehouse, int delta, string actor);
}
