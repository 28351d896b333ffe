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
        IGrainFactory grains, string orderId, IReadOnlyList<OrderLine> lines, IReadOnlyList<SkuSnapshot>? knownStock)
    {
        if (lines.Count == 1)
        {
            var only = await grains.GetGrain<ISkuStockGrain>(lines[0].Sku).Reserve(orderId, lines[0].Quantity, null);
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
            var results = await Task.WhenAll(lines.Select(l => grains.GetGrain<ISkuStockGrain>(l.Sku).Reserve(orderId, l.Quantity, [warehouse])));
            if (results.All(r => r.Reserved && r.Warehouse == warehouse))
            {
                return new(true, warehouse, []);
            }

            shortSkus = lines.Where((_, i) => !results[i].Reserved).Select(l => l.Sku).ToList();
            await ReleaseAll(grains, orderId, lines.Select(l => l.Sku));
        }

        return new(false, null, shortSkus);
    }

    public static Task ReleaseAll(IGrainFactory grains, string orderId, IEnumerable<string> skus) =>
        Task.WhenAll(skus.Select(s => grains.GetGrain<ISkuStockGrain>(s).Release(orderId)));
}
