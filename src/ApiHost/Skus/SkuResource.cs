using OrderActors.Stock;

namespace OrderActors.ApiHost.Skus;

/// <summary>A SKU as API.md shows it: catalog fields at the top level, stock beneath.</summary>
public sealed record SkuResource(
    string Sku, string Name, decimal UnitPrice, decimal UnitCost, decimal TaxRate, string Currency, int LowStockThreshold,
    StockResource Stock)
{
    public static SkuResource From(SkuSnapshot s) => new(
        s.Sku, s.Catalog.Name, s.Catalog.UnitPrice, s.Catalog.UnitCost, s.Catalog.TaxRate, s.Catalog.Currency,
        s.Catalog.LowStockThreshold,
        new StockResource(s.Stock.OnHand, s.Stock.Reserved, s.Stock.Available,
            s.Stock.Warehouses.Select(w => new WarehouseResource(w.Warehouse, w.OnHand, w.Reserved, w.Available)).ToList()));
}

public sealed record StockResource(int OnHand, int Reserved, int Available, IReadOnlyList<WarehouseResource> Warehouses);

public sealed record WarehouseResource(string Warehouse, int OnHand, int Reserved, int Available);
