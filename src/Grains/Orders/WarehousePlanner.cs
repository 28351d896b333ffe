using OrderActors.Stock;

namespace OrderActors.Orders;

/// <summary>Chooses the warehouses that can fill every line of an order on their own.</summary>
public static class WarehousePlanner
{
    /// <returns>
    /// Warehouses holding every line, most stock first; when there is none, the SKUs the best
    /// warehouse (the one covering most lines) cannot fill.
    /// </returns>
    public static (IReadOnlyList<string> Candidates, IReadOnlyList<string> ShortSkus) Plan(
        IReadOnlyList<OrderLine> lines, IReadOnlyList<SkuSnapshot> stock)
    {
        var bySku = stock.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        var warehouses = stock.SelectMany(s => s.Stock.Warehouses).Select(w => w.Warehouse).Distinct(StringComparer.Ordinal);

        var ranked = warehouses
            .Select(w => (Warehouse: w, Short: lines.Where(l => Available(bySku, l.Sku, w) < l.Quantity).Select(l => l.Sku).ToList(),
                          Total: lines.Sum(l => Available(bySku, l.Sku, w))))
            .OrderBy(x => x.Short.Count).ThenByDescending(x => x.Total).ThenBy(x => x.Warehouse, StringComparer.Ordinal)
            .ToList();

        var candidates = ranked.Where(x => x.Short.Count == 0).Select(x => x.Warehouse).ToList();
        if (candidates.Count > 0)
        {
            return (candidates, []);
        }

        return ([], ranked.Count == 0 ? lines.Select(l => l.Sku).ToList() : ranked[0].Short);
    }

    private static int Available(Dictionary<string, SkuSnapshot> bySku, string sku, string warehouse) =>
        bySku.TryGetValue(sku, out var s) ? s.Stock.Warehouses.FirstOrDefault(w => w.Warehouse == warehouse)?.Available ?? 0 : 0;
}
