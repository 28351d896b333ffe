using OrderActors.Common;

namespace OrderActors.Inventory;

/// <remarks>
/// SKUs, transfers and cycle counts only ever grow, so each is a paged log (<see cref="PagedLog{TEntry}"/>): a new
/// SKU writes the open page, not the whole catalog, and a catalog of any size is loaded at the same cost per SKU.
/// What the lists hold is kept in memory, read back from the pages on activation. A failed write deactivates the grain
/// (StorageFaultFilter), so what it took into memory is never kept as stored.
/// </remarks>
[GrainType("inventory-registry")]
public sealed class InventoryRegistryGrain(
    [PersistentState("inventory", StorageNames.Stock)] IPersistentState<InventoryRegistryState> store) : Grain, IInventoryRegistryGrain
{
    private const string SkuKey = "inventory/skus";
    private const string TransferKey = "inventory/transfers";
    private const string CountKey = "inventory/counts";

    private readonly SortedSet<string> _skus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransferRecord> _transfers = new(StringComparer.Ordinal);
    private readonly List<string> _counts = [];
    private readonly HashSet<string> _countIds = new(StringComparer.Ordinal);

    private InventoryRegistryState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (skus, transfers, counts) = (State.SkuLog.List(GrainFactory, SkuKey), State.TransferLog.List(GrainFactory, TransferKey),
            State.CountLog.List(GrainFactory, CountKey));
        _skus.UnionWith(await skus);
        foreach (var transfer in await transfers)
        {
            _transfers.TryAdd(transfer.TransferId, transfer);
        }

        foreach (var count in await counts)
        {
            AddCount(count);
        }

        // An earlier build's lists move into the logs with one write.
        if (State.Skus.Count > 0 || State.Transfers.Count > 0 || State.Counts.Count > 0)
        {
            State.SkuLog.Open.AddRange(State.Skus.Where(_skus.Add));
            State.TransferLog.Open.AddRange(State.Transfers.Where(t => _transfers.TryAdd(t.TransferId, t)));
            State.CountLog.Open.AddRange(State.Counts.Where(AddCount));
            (State.Skus, State.Transfers, State.Counts) = (new(StringComparer.Ordinal), [], []);
            await Write();
        }
    }

    public async Task AddSku(string sku)
    {
        if (_skus.Add(sku))
        {
            State.SkuLog.Open.Add(sku);
            await Write();
        }
    }

    public Task<IReadOnlyList<string>> Skus() => Task.FromResult<IReadOnlyList<string>>([.. _skus]);

    public async Task RecordTransfer(TransferRecord transfer)
    {
        if (_transfers.TryAdd(transfer.TransferId, transfer))
        {
            State.TransferLog.Open.Add(transfer);
            await Write();
        }
    }

    public Task<IReadOnlyList<TransferRecord>> Transfers(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<TransferRecord>>(_transfers.Values.Where(t => t.At >= from && t.At <= to).OrderByDescending(t => t.At).ToList());

    /// <summary>Keeps the latest word on each SKU's alert: raised, or cleared (kept so reports can show it).</summary>
    public async Task SetAlert(LowStockAlert alert)
    {
        if (State.Alerts.GetValueOrDefault(alert.Sku) is { } known && (alert.ClearedAt ?? alert.RaisedAt) < (known.ClearedAt ?? known.RaisedAt))
        {
            return;
        }

        State.Alerts[alert.Sku] = alert;
        await Write();
    }

    public Task<IReadOnlyList<LowStockAlert>> Alerts(bool includeCleared, DateTimeOffset since) =>
        Task.FromResult<IReadOnlyList<LowStockAlert>>(State.Alerts.Values
            .Where(a => a.ClearedAt is null || (includeCleared && a.ClearedAt >= since))
            .OrderBy(a => a.ClearedAt is not null).ThenBy(a => a.RaisedAt).ToList());

    public async Task RecordCount(string countId)
    {
        if (AddCount(countId))
        {
            State.CountLog.Open.Add(countId);
            await Write();
        }
    }

    /// <summary>Counts in the order they were recorded, each once.</summary>
    private bool AddCount(string countId)
    {
        if (!_countIds.Add(countId))
        {
            return false;
        }

        _counts.Add(countId);
        return true;
    }

    public Task<IReadOnlyList<string>> Counts() => Task.FromResult<IReadOnlyList<string>>([.. _counts]);

    /// <summary>Seals each log's full pages, then writes the state: a crash in between seals the same pages again.</summary>
    private async Task Write()
    {
        await State.SkuLog.Seal(GrainFactory, SkuKey, State.SkuLog.Open.Count, closing: false);
        await State.TransferLog.Seal(GrainFactory, TransferKey, State.TransferLog.Open.Count, closing: false);
        await State.CountLog.Seal(GrainFactory, CountKey, State.CountLog.Open.Count, closing: false);
        await store.WriteStateAsync();
    }
}

/// <summary>A sealed page of a list of ids (the registry's SKUs and cycle counts).</summary>
[GrainType("id-page")]
public sealed class IdPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<string>> store) : LogPageGrain<string>(store);

/// <summary>A sealed page of the registry's transfers.</summary>
[GrainType("transfer-page")]
public sealed class TransferPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<TransferRecord>> store) : LogPageGrain<TransferRecord>(store);
