using OrderActors.Orders;
using OrderActors.Stock;

namespace OrderActors.Tests.Orders;

public sealed class WarehousePlannerTests
{
    private static OrderLine Line(string sku, int quantity) => new(sku, sku, quantity, 1m, 0m, quantity);

    private static SkuSnapshot Stock(string sku, params (string Warehouse, int OnHand, int Reserved)[] levels) => new(
        sku, new SkuCatalog(sku, 1m, 0m, 0m, "CNY", 0),
        new StockLevels(levels.Sum(l => l.OnHand), levels.Sum(l => l.Reserved),
            levels.Select(l => new WarehouseStock(l.Warehouse, l.OnHand, l.Reserved)).ToList()), 1);

    [Fact]
    public void Only_warehouses_holding_every_line_are_candidates_most_stock_first()
    {
        var (candidates, shortSkus) = WarehousePlanner.Plan(
            [Line("A", 2), Line("B", 1)],
            [Stock("A", ("SH", 10, 0), ("BJ", 5, 0), ("GZ", 100, 0)), Stock("B", ("SH", 1, 0), ("BJ", 9, 0))]);
        Assert.Equal(["BJ", "SH"], candidates);
        Assert.Empty(shortSkus);
    }

    [Fact]
    public void Reserved_stock_is_not_available()
    {
        var (candidates, shortSkus) = WarehousePlanner.Plan([Line("A", 2)], [Stock("A", ("SH", 10, 9))]);
        Assert.Empty(candidates);
        Assert.Equal(["A"], shortSkus);
    }

    [Fact]
    public void When_no_warehouse_holds_everything_the_short_skus_are_those_of_the_best_warehouse()
    {
        var (candidates, shortSkus) = WarehousePlanner.Plan(
            [Line("A", 1), Line("B", 1), Line("C", 1)],
            [Stock("A", ("SH", 5, 0), ("BJ", 5, 0)), Stock("B", ("SH", 5, 0)), Stock("C", ("BJ", 5, 0))]);
        Assert.Empty(candidates);
        Assert.Equal(["B"], shortSkus); // SH and BJ each miss one line and hold 10 units: BJ comes first by name
    }

    [Fact]
    public void Candidates_with_equal_stock_come_in_name_order()
    {
        var (candidates, _) = WarehousePlanner.Plan([Line("A", 1)], [Stock("A", ("SZ", 4, 0), ("BJ", 7, 3), ("GZ", 4, 0), ("SH", 5, 0))]);
        Assert.Equal(["SH", "BJ", "GZ", "SZ"], candidates);
    }

    [Fact]
    public void Without_any_stock_every_line_is_short()
    {
        var (_, shortSkus) = WarehousePlanner.Plan([Line("A", 1), Line("B", 1)], [Stock("A"), Stock("B")]);
        Assert.Equal(["A", "B"], shortSkus);
    }
}
