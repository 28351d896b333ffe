using OrderActors.Common;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;

namespace OrderActors.Tests.Inventory;

[Collection(ClusterCollection.Name)]
public sealed class InventoryTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    private ISkuStockGrain Stock(string sku) => fixture.Grains.GetGrain<ISkuStockGrain>(sku);

    /// <summary>On-hand = Σ movements per warehouse: the log is written with every change, so it never lags.</summary>
    private async Task AssertOnHandIsTheSumOfMovements(string sku)
    {
        var levels = (await _s.Stock(sku)).Warehouses;
        var log = await Stock(sku).Movements(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var sums = log.GroupBy(m => m.Warehouse).ToDictionary(g => g.Key, g => g.Sum(m => m.OnHandDelta));
        Assert.All(levels, w => Assert.Equal(w.OnHand, sums.GetValueOrDefault(w.Warehouse)));
        Assert.Equal(log.Count, log.Select(m => m.MovementId).Distinct().Count());
    }

    [Fact]
    public async Task Transfers_both_ways_adjustments_and_reservations_in_parallel_keep_every_invariant()
    {
        var sku = await _s.Sku("BUSY", 5m, ("SH", 300), ("BJ", 300));
        var customer = await _s.Customer();
        var work = new List<Task>();
        for (var i = 0; i < 150; i++)
        {
            work.Add(Stock(sku).Transfer($"t-sh-{i}", "SH", "BJ", 3, null, "w"));
            work.Add(Stock(sku).Transfer($"t-bj-{i}", "BJ", "SH", 3, null, "w"));
            work.Add(Stock(sku).Adjust($"a-{i}", i % 2 == 0 ? "SH" : "BJ", i % 3 == 0 ? 2 : -2, AdjustmentReason.Damaged, null, "w"));
            work.Add(_s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2))));
        }

        await Task.WhenAll(work);

        var stock = await _s.Stock(sku);
        Assert.All(stock.Warehouses, w =>
        {
            Assert.True(w.OnHand >= 0);
            Assert.InRange(w.Reserved, 0, w.OnHand);
        });
        await AssertOnHandIsTheSumOfMovements(sku);
    }

    [Fact]
    public async Task A_repeated_transfer_or_adjustment_applies_once()
    {
        var sku = await _s.Sku("ONCE", 5m, ("SH", 10));
        await Stock(sku).Transfer("t1", "SH", "BJ", 4, "move", "w");
        await Stock(sku).Transfer("t1", "SH", "BJ", 4, "move", "w");
        await Stock(sku).Adjust("a1", "BJ", -1, AdjustmentReason.Lost, null, "w");
        await Stock(sku).Adjust("a1", "BJ", -1, AdjustmentReason.Lost, null, "w");
        var refused = await Stock(sku).Adjust("a2", "SH", -7, AdjustmentReason.Lost, null, "w");

        Assert.Equal(ErrorCodes.InsufficientStock, refused.Failure!.Code);
        var levels = (await _s.Stock(sku)).Warehouses.ToDictionary(w => w.Warehouse, w => w.OnHand);
        Assert.Equal(6, levels["SH"]);
        Assert.Equal(3, levels["BJ"]);
    }

    [Fact]
    public async Task A_count_posted_while_orders_reserve_and_ship_ends_with_the_right_on_hand()
    {
        var sku = await _s.Sku("COUNTED", 5m, ("SH", 50));
        var customer = await _s.Customer();
        var count = fixture.Grains.GetGrain<ICycleCountGrain>(_s.Key("count"));
        var opened = await count.Open("SH", [sku], "w");
        Assert.Equal(50, opened.Count!.Lines.Single().SystemOnHand);

        // Sales go on during the count: 5 orders of 2, 3 of them shipped.
        var orders = new List<IOrderGrain>();
        for (var i = 0; i < 5; i++)
        {
            var order = _s.NewOrder();
            var command = Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)) with { PaymentTerms = PaymentTerms.CashOnDelivery };
            await order.Place(command);
            orders.Add(order);
        }

        foreach (var order in orders.Take(3))
        {
            await order.Pick("w");
            await order.Pack("w");
            await order.Ship(new ShipOrder("SF", "x", null, "w"));
        }

        // The shelf held 48 when counted (2 broken), before the shipments left.
        await count.Record([(sku, 48)]);
        var posted = await count.Post("w");

        Assert.True(posted.Count!.Posted);
        Assert.Equal(-2, posted.Count.Lines.Single().Variance);
        var stock = await _s.Stock(sku);
        Assert.Equal(50 - 6 - 2, stock.OnHand);
        Assert.Equal(4, stock.Reserved);
        Assert.True((await count.Post("w")).Count!.Posted);
        Assert.Equal(42, (await _s.Stock(sku)).OnHand);
        await AssertOnHandIsTheSumOfMovements(sku);
    }

    [Fact]
    public async Task An_alert_is_raised_once_when_two_hundred_orders_cross_the_threshold_and_clears_on_receipt()
    {
        var sku = _s.Key("ALERTED");
        await Stock(sku).Upsert(new SkuCatalog("Alerted", 5m, 2m, 0.13m, "CNY", 20));
        await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 120, "PO", "w"));
        var customer = await _s.Customer();
        var registry = fixture.Grains.GetGrain<IInventoryRegistryGrain>(0);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)))));

        var alerts = (await registry.Alerts(includeCleared: false, DateTimeOffset.MinValue)).Where(a => a.Sku == sku).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(19, alert.Available);
        Assert.True(alert.SuggestedQuantity > 0);
        Assert.True(alert.DailySales > 0);

        await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 50, "PO-2", "w"));
        Assert.DoesNotContain(await registry.Alerts(includeCleared: false, DateTimeOffset.MinValue), a => a.Sku == sku);
        Assert.Contains(await registry.Alerts(includeCleared: true, DateTimeOffset.MinValue), a => a.Sku == sku && a.ClearedAt is not null);
    }
}
