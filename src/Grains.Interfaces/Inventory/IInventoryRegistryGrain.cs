namespace OrderActors.Inventory;

/// <summary>
/// The inventory's lists (key 0): every SKU, transfers, open low-stock alerts. Written only on rare events
/// (a new SKU, a transfer, an alert raised or cleared), never per order.
/// </summary>
[Alias("OrderActors.IInventoryRegistryGrain")]
public interface IInventoryRegistryGrain : IGrainWithIntegerKey
{
    [Alias("AddSku")] Task AddSku(string sku);

    [Alias("Skus")] Task<IReadOnlyList<string>> Skus();

    [Alias("RecordTransfer")] Task RecordTransfer(TransferRecord transfer);

    [Alias("Transfers")] Task<IReadOnlyList<TransferRecord>> Transfers(DateTimeOffset from, DateTimeOffset to);

    [Alias("SetAlert")] Task SetAlert(LowStockAlert alert);

    /// <param name="includeCleared">Also alerts cleared since <paramref name="since"/>.</param>
    [Alias("Alerts")] Task<IReadOnlyList<LowStockAlert>> Alerts(bool includeCleared, DateTimeOffset since);

    [Alias("RecordCount")] Task RecordCount(string countId);

    [Alias("Counts")] Task<IReadOnlyList<string>> Counts();
}
