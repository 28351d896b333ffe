using OrderActors.Tests.Customers;
using OrderActors.Inventory;
using OrderActors.Stock;

namespace OrderActors.Tests.Inventory;

/// <summary>
/// A SKU's movement log lives in its own state, a paged log per month: past a page and across months,
/// every movement is listed once, in the month it happened, and on-hand stays their sum.
/// </summary>
public sealed class MovementLogTests(FakeClockCluster fixture) : IClassFixture<FakeClockCluster>
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Movements_past_several_pages_and_months_are_each_listed_once_in_their_month()
    {
        var s = new Scenario(Grains);
        var start = fixture.Clock.GetUtcNow();
        var sku = await s.Sku("PAGED", 1m, ("SH", 10));
        var stock = Grains.GetGrain<ISkuStockGrain>(sku);
        var perMonth = new[] { 150, 70, 3 };
        foreach (var (count, month) in perMonth.Select((c, m) => (c, m)))
        {
            // In parallel: the SKU commits them in groups, sealing pages between writes.
            await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
                stock.Adjust($"m{month}-{i}", "SH", 1, AdjustmentReason.Found, null, "test")));
            fixture.Clock.Advance(TimeSpan.FromDays(31));
        }

        var end = fixture.Clock.GetUtcNow();
        var all = await stock.Movements(start, end);
        Assert.Equal(1 + perMonth.Sum(), all.Count);
        Assert.Equal(all.Count, all.Select(m => m.MovementId).Distinct().Count());
        Assert.Equal((await stock.Get())!.Stock.OnHand, all.Sum(m => m.OnHandDelta));
        Assert.Equal(all.OrderBy(m => m.At).Select(m => m.MovementId), all.Select(m => m.MovementId));

        var first = new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var january = await stock.Movements(first, first.AddMonths(1).AddTicks(-1));
        Assert.Equal(1 + perMonth[0], january.Count);
        Assert.All(january, m => Assert.Equal(start.Month, m.At.Month));
        var february = await stock.Movements(first.AddMonths(1), first.AddMonths(2).AddTicks(-1));
        Assert.Equal(perMonth[1], february.Count);
    }
}
