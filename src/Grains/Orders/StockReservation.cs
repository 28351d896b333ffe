using OrderActors.Common;
using OrderActors.Stock;

namespace OrderActors.Orders;

/// <summary>Outcome of reserving all lines of an order from one warehouse.</summary>
public sealed record ReservationOutcome(bool Reserved, string? Warehouse, IReadOnlyList<string> ShortSkus);

/// <summary>
/// Reserves every line of an order in one warehouse, across the SKU grains, all lines in parallel. All or
/// nothing: if any line fails, the lines reserved are released (compensation) before trying again or giving up.
/// </summary>
public static class StockReservation
{
    private const int Attempts = 3;

    public static async Task<ReservationOutcome> ReserveAll(
        IGrainFactory grains, ReadLeases leases, string orderId, IReadOnlyList<OrderLine> lines, IReadOnlyList<SkuSnapshot>? knownStock)
    {
        if (lines.Count == 1)
        {
            var only = await Reserve(grains, leases, orderId, lines[0], null);
            return only.Reserved ? new(true, only.Warehouse, []) : new(false, null, [lines[0].Sku]);
        }

        IReadOnlyList<string> shortSkus = [];
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stock = attempt == 0 && knownStock is not null
                ? knownStock
                : (await Task.WhenAll(lines.Select(l => grains.GetGrain<ISkuStockGrain>(l.Sku).Get()))).OfType<SkuSnapshot>().ToList();
            var (candidates, shortNow) = WarehousePlanner.Plan(lines, stock);
            if (candidates.Count == 0)
            {
                return new(false, null, shortNow);
            }

            // Every line at once in the warehouse the plan ranks first; a line another order took meanwhile
            // sends it round again with fresh stock.
            var warehouse = candidates[0];
            var results = await Task.WhenAll(lines.Select(l => Reserve(grains, leases, orderId, l, [warehouse])));
            if (results.All(r => r.Reserved && r.Warehouse == warehouse))
            {
                return new(true, warehouse, []);
            }

            shortSkus = lines.Where((_, i) => !results[i].Reserved).Select(l => l.Sku).ToList();
            await ReleaseAll(grains, orderId, lines.Select(l => l.Sku));
        }

        return new(false, null, shortSkus);
    }

    /// <summary>Reserves one line; what the SKU has left replaces the figures this silo holds of it, if older.</summary>
    private static async Task<ReservationResult> Reserve(
        IGrainFactory grains, ReadLeases leases, string orderId, OrderLine line, IReadOnlyList<string>? warehouses)
    {
        var stock = grains.GetGrain<ISkuStockGrain>(line.Sku);
        var result = await stock.Reserve(orderId, line.Quantity, warehouses);
        if (!result.UnknownSku)
        {
            leases.Lower<SkuSnapshot>(stock.GetGrainId(), result.Version, held => Left(held, result, warehouses));
        }

        return result;
    }

    /// <summary>
    /// The figures of <paramref name="held"/> with what a reservation answered: the warehouse that holds it has
    /// exactly what it reports left; after a refusal, no acceptable warehouse has more than the most it reports.
    /// </summary>
    private static SkuSnapshot Left(SkuSnapshot held, ReservationResult result, IReadOnlyList<string>? warehouses)
    {
        var levels = held.Stock.Warehouses.Select(w =>
            result.Reserved ? (w.Warehouse == result.Warehouse ? w with { Reserved = w.OnHand - result.Available } : w)
            : (warehouses is null || warehouses.Contains(w.Warehouse)) && w.Available > result.Available ? w with { Reserved = w.OnHand - result.Available }
            : w).ToList();
        return held with { Stock = new StockLevels(levels.Sum(w => w.OnHand), levels.Sum(w => w.Reserved), levels), Version = result.Version };
    }

    public static Task ReleaseAll(IGrainFactory grains, string orderId, IEnumerable<string> skus) =>
        Task.WhenAll(skus.Select(s => grains.GetGrain<ISkuStockGrain>(s).Release(orderId)));
}
