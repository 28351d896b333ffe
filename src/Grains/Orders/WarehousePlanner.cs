using OrderActors.Stock;

namespace OrderActors.Orders;

/// <summary>Chooses the warehouses that can fill every line of an order on their own.</summary>
/// <remarks>Plain loops: every placement plans, and a flash sale's refusals in the host plan too.</remarks>
public static class WarehousePlanner
{
    /// <returns>
    /// Warehouses holding every line, most stock first; when there is none, the SKUs the best
    /// warehouse (the one covering most lines) cannot fill.
    /// </returns>
    public static (IReadOnlyList<string> Candidates, IReadOnlyList<string> ShortSkus) Plan(
        IReadOnlyList<OrderLine> lines, IReadOnlyList<SkuSnapshot> stock)
    {
        var warehouses = new List<string>();
        foreach (var snapshot in stock)
        {
            foreach (var level in snapshot.Stock.Warehouses)
            {
                if (!warehouses.Contains(level.Warehouse, StringComparer.Ordinal))
                {
                    warehouses.Add(level.Warehouse);
                }
            }
        }

        var ranked = new List<Ranked>(warehouses.Count);
        foreach (var warehouse in warehouses)
        {
            var shortSkus = new List<string>();
            var total = 0;
            foreach (var line in lines)
            {
                var available = Available(stock, line.Sku, warehouse);
                total += available;
                if (available < line.Quantity)
                {
                    shortSkus.Add(line.Sku);
                }
            }

            ranked.Add(new Ranked(warehouse, shortSkus, total));
        }

        // Fewest short lines, then most stock, then by name: a total order (names are distinct).
        ranked.Sort((a, b) => a.Short.Count != b.Short.Count ? a.Short.Count.CompareTo(b.Short.Count)
            : a.Total != b.Total ? b.Total.CompareTo(a.Total)
            : string.CompareOrdinal(a.Warehouse, b.Warehouse));

        var candidates = ranked.Where(x => x.Short.Count == 0).Select(x => x.Warehouse).ToList();
        if (candidates.Count > 0)
        {
            return (candidates, []);
        }

        return ([], ranked.Count == 0 ? lines.Select(l => l.Sku).ToList() : ranked[0].Short);
    }

    /// <summary>What <paramref name="stock"/> has available in <paramref name="warehouse"/> (0 where it has none).</summary>
    public static int Available(SkuSnapshot stock, string warehouse)
    {
        foreach (var level in stock.Stock.Warehouses)
        {
            if (level.Warehouse == warehouse)
            {
                return level.Available;
            }
        }

        return 0;
    }

    private static int Available(IReadOnlyList<SkuSnapshot> stock, string sku, string warehouse)
    {
        foreach (var snapshot in stock)
        {
            if (snapshot.Sku == sku)
            {
                return Available(snapshot, warehouse);
            }
        }

        return 0;
    }

    private sealed record Ranked(string Warehouse, List<string> Short, int Total);
}
