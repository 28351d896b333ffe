using OrderActors.Common;

namespace OrderActors.Inventory;

[GrainType("inventory-registry")]
public sealed class InventoryRegistryGrain(
    [PersistentState("inventory", StorageNames.Stock)] IPersistentState<InventoryRegistryState> store) : Grain, IInventoryRegistryGrain
{
    private InventoryRegistryState State => store.State;

    public async Task AddSku(string sku)
    {
        if (State.Skus.Add(sku))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> Skus() => Task.FromResult<IReadOnlyList<string>>([.. State.Skus]);

    public async Task RecordTransfer(TransferRecord transfer)
    {
        if (!State.Transfers.Exists(t => t.TransferId == transfer.TransferId))
        {
            State.Transfers.Add(transfer);
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<TransferRecord>> Transfers(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<TransferRecord>>(State.Transfers.Where(t => t.At >= from && t.At <= to).OrderByDescending(t => t.At).ToList());

    /// <summary>Keeps the latest word on each SKU's alert: raised, or cleared (kept so reports can show it).</summary>
    public async Task SetAlert(LowStockAlert alert)
    {
        if (State.Alerts.GetValueOrDefault(alert.Sku) is { } known && (alert.ClearedAt ?? alert.RaisedAt) < (known.ClearedAt ?? known.RaisedAt))
        {
            return;
        }

        State.Alerts[alert.Sku] = alert;
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<LowStockAlert>> Alerts(bool includeCleared, DateTimeOffset since) =>
        Task.FromResult<IReadOnlyList<LowStockAlert>>(State.Alerts.Values
            .Where(a => a.ClearedAt is null || (includeCleared && a.ClearedAt >= since))
            .OrderBy(a => a.ClearedAt is not null).ThenBy(a => a.RaisedAt).ToList());

    public async Task RecordCount(string countId)
    {
        if (!State.Counts.Contains(countId))
        {
            State.Counts.Add(countId);
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> Counts() => Task.FromResult<IReadOnlyList<string>>([.. State.Counts]);
}
