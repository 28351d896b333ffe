using OrderActors.Common;
using OrderActors.Orders;
using OrderActors.Stock;

namespace OrderActors.Tests.Stock;

[Collection(ClusterCollection.Name)]
public sealed class StockConcurrencyTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task Five_hundred_parallel_orders_for_fifty_units_confirm_exactly_fifty()
    {
        var sku = await _s.Sku("FLASH", 9.9m, ("SH", 30), ("BJ", 20));
        var customer = await _s.Customer();

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ =>
            _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)))));

        Assert.Equal(50, results.Count(r => r.Order?.Status == OrderStatus.Confirmed));
        Assert.Equal(450, results.Count(r => r.Failure?.Code == ErrorCodes.OutOfStock));
        var stock = await _s.Stock(sku);
        Assert.Equal((50, 50), (stock.OnHand, stock.Reserved));
        Assert.All(stock.Warehouses, w => Assert.Equal(w.OnHand, w.Reserved));
    }

    [Fact]
    public async Task Parallel_multi_line_orders_never_leave_a_partial_reservation()
    {
        var a = await _s.Sku("PAIR-A", 1m, ("SH", 40));
        var b = await _s.Sku("PAIR-B", 1m, ("SH", 25));
        var customer = await _s.Customer();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (a, 1), (b, 1)))));

        var confirmed = results.Count(r => r.Order?.Status == OrderStatus.Confirmed);
        Assert.Equal(25, confirmed);
        Assert.Equal(confirmed, (await _s.Stock(a)).Reserved);
        Assert.Equal(confirmed, (await _s.Stock(b)).Reserved);
    }

    [Fact]
    public async Task Parallel_cancels_and_receipts_never_drive_a_quantity_negative()
    {
        var sku = await _s.Sku("CHURN", 1m, ("SH", 100));
        var customer = await _s.Customer();
        var orders = new List<IOrderGrain>();
        for (var i = 0; i < 100; i++)
        {
            var order = _s.NewOrder();
            await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)));
            orders.Add(order);
        }

        var replenishment = fixture.Grains.GetGrain<IReplenishmentGrain>(sku);
        var work = orders.SelectMany(o => new[] { o.Cancel("churn", "c"), o.Cancel("again", "c") }.Cast<Task>())
            .Concat(Enumerable.Range(0, 50).Select(_ => (Task)replenishment.Receive(new ReceiveStock("SH", 1, null, "w"))))
            .Concat(Enumerable.Range(0, 100).Select(_ => (Task)_s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)))));
        await Task.WhenAll(work);

        var stock = await _s.Stock(sku);
        Assert.Equal(150, stock.OnHand);
        Assert.InRange(stock.Reserved, 0, 100);
        Assert.All(stock.Warehouses, w => Assert.InRange(w.Reserved, 0, w.OnHand));
    }
}
