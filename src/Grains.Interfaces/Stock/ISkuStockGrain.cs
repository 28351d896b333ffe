namespace OrderActors.Stock;

/// <summary>
/// One SKU's catalog data and stock across warehouses; the serialization point for that SKU.
/// Reservations are keyed by order id, so every call here is safe to repeat.
/// </summary>
[Alias("OrderActors.ISkuStockGrain")]
public interface ISkuStockGrain : IGrainWithStringKey
{
    /// <returns>The snapshot, and whether the SKU was created by this call.</returns>
    [Alias("Upsert")] Task<(SkuSnapshot Sku, bool Created)> Upsert(SkuCatalog catalog);

    [Alias("Get")] Task<SkuSnapshot?> Get();

    /// <param name="warehouses">Acceptable warehouses in order of preference; null accepts any.</param>
    [Alias("Reserve")] Task<ReservationResult> Reserve(string orderId, int quantity, IReadOnlyList<string>? warehouses);

    [Alias("Release")] Task<bool> Release(string orderId);

    /// <summary>The reserved quantity leaves on-hand. False when no reservation exists for the order.</summary>
    [Alias("Ship")] Task<bool> Ship(string orderId);

    [Alias("Receive")] Task<ReceiptOutcome> Receive(ReceiveStock command);

    /// <summary>Remember a backordered order so receipts can fill it first-come first-served.</summary>
    [Alias("AwaitStock")] Task AwaitStock(string orderId);
}
