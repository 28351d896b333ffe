using OrderActors.Common;
using OrderActors.Stock;

namespace OrderActors.Inventory;

[GrainType("cycle-count")]
public sealed class CycleCountGrain(
    [PersistentState("count", StorageNames.Stock)] IPersistentState<CycleCountState> store,
    TimeProvider time) : Grain, ICycleCountGrain
{
    private CycleCount? Count => store.State.Count;

    public async Task<CountResult> Open(string warehouse, IReadOnlyList<string>? skus, string actor)
    {
        if (Count is not null)
        {
            return new CountResult(Count, null);
        }

        var candidates = skus ?? await GrainFactory.GetGrain<IInventoryRegistryGrain>(0).Skus();
        var stock = await Task.WhenAll(candidates.Select(s => GrainFactory.GetGrain<ISkuStockGrain>(s).Get()));
        var unknown = candidates.Where((_, i) => stock[i] is null).ToList();
        if (skus is not null && unknown.Count > 0)
        {
            return new CountResult(null, new Failure(ErrorCodes.UnknownSku, $"Unknown SKU: {string.Join(", ", unknown)}.", unknown));
        }

        // The snapshot: on-hand of each SKU in the warehouse as the count opens.
        var lines = stock.OfType<SkuSnapshot>()
            .Select(s => (Sku: s, Level: s.Stock.Warehouses.FirstOrDefault(w => w.Warehouse == warehouse)))
            .Where(x => skus is not null || x.Level is not null)
            .Select(x => new CountLine(x.Sku.Sku, x.Level?.OnHand ?? 0, null, x.Sku.Catalog.UnitCost))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)
            .ToList();
        store.State.Count = new CycleCount(this.GetPrimaryKeyString(), warehouse, false, time.GetUtcNow(), actor, null, null, lines);
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<IInventoryRegistryGrain>(0).RecordCount(this.GetPrimaryKeyString());
        return new CountResult(Count, null);
    }

    public Task<CycleCount?> Get() => Task.FromResult(Count);

    public async Task<CountResult> Record(IReadOnlyList<(string Sku, int Counted)> lines)
    {
        if (Count is not { } count)
        {
            return new CountResult(null, Failure.NotFound("Count"));
        }

        if (count.Posted)
        {
            return new CountResult(null, new Failure(ErrorCodes.CountAlreadyPosted, "The count is posted; open a new one."));
        }

        var outside = lines.Select(l => l.Sku).Where(s => count.Lines.All(c => c.Sku != s)).ToList();
        if (outside.Count > 0)
        {
            return new CountResult(null, new Failure(ErrorCodes.UnknownSku, $"Not part of this count: {string.Join(", ", outside)}.", outside));
        }

        var counted = lines.ToDictionary(l => l.Sku, l => l.Counted, StringComparer.Ordinal);
        store.State.Count = count with
        {
            Lines = count.Lines.Select(l => counted.TryGetValue(l.Sku, out var n) ? l with { Counted = n } : l).ToList(),
        };
        await store.WriteStateAsync();
        return new CountResult(Count, null);
    }

    /// <summary>
    /// Applies counted − snapshot to each SKU's on-hand as it is now, so movements during the count stay.
    /// Lines not counted are left alone. Safe to repeat: each SKU applies its correction once.
    /// </summary>
    public async Task<CountResult> Post(string actor)
    {
        if (Count is not { } count)
        {
            return new CountResult(null, Failure.NotFound("Count"));
        }

        if (count.Posted)
        {
            return new CountResult(count, null);
        }

        var results = await Task.WhenAll(count.Lines.Where(l => l.Counted is not null).Select(l =>
            GrainFactory.GetGrain<ISkuStockGrain>(l.Sku).CorrectCount(count.CountId, count.Warehouse, l.Variance!.Value, actor)));
        if (results.FirstOrDefault(r => r.Failure is not null)?.Failure is { } failure)
        {
            return new CountResult(null, failure);
        }

        store.State.Count = count with { Posted = true, PostedAt = time.GetUtcNow(), PostedBy = actor };
        await store.WriteStateAsync();
        return new CountResult(Count, null);
    }
}
