using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Orders;
using OrderActors.Reports;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace OrderActors.Tests.Reports;

[Collection(ClusterCollection.Name)]
public sealed class DailyReportTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task Order_events_reach_the_day_report_through_the_stream()
    {
        var sku = await _s.Sku("REPORTED", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var day = fixture.Grains.GetGrain<IDailyOrderReportGrain>(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var before = await day.GetFigures();

        await _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)));
        var cancelled = _s.NewOrder();
        await cancelled.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)));
        await cancelled.Cancel(null, "c");

        // Other tests share today's grain and only ever add to it, so count what this test added at least.
        var after = await Eventually(day, f => f.Totals.Placed - before.Totals.Placed >= 2 && f.Totals.Cancelled - before.Totals.Cancelled >= 1);
        Assert.True(after.Totals.Placed - before.Totals.Placed >= 2);
        Assert.True(after.Totals.PlacedAmount - before.Totals.PlacedAmount >= 30m);
        Assert.True(after.Totals.Cancelled - before.Totals.Cancelled >= 1);
    }

    [Fact]
    public async Task A_redelivered_event_is_counted_once()
    {
        var (key, at) = UntouchedDay(1990);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<OrderStatusChanged>(StreamId.Create(StreamNames.OrderEvents, IDailyOrderReportGrain.ShardKey(at, "o1")));
        var placed = new OrderStatusChanged("o1:1", "o1", "c", Channel.Store, null, OrderStatus.Confirmed, 80m, "CNY", at, 1);
        var shipped = new OrderStatusChanged("o1:4", "o1", "c", Channel.Store, OrderStatus.Packed, OrderStatus.Shipped, 80m, "CNY", at, 4);

        await stream.OnNextAsync(placed);
        await stream.OnNextAsync(placed);
        await stream.OnNextAsync(shipped);
        await stream.OnNextAsync(placed);

        var day = fixture.Grains.GetGrain<IDailyOrderReportGrain>(key);
        var figures = await Settled(day, f => f.EventsCounted >= 2);
        Assert.Equal(2, figures.EventsCounted);
        Assert.Equal((1, 80m, 1, 1), (figures.Totals.Placed, figures.Totals.PlacedAmount, figures.Totals.Confirmed, figures.Totals.Shipped));
        Assert.Equal(1, figures.ByChannel[Channel.Store].Shipped);
    }

    [Fact]
    public async Task Events_repeated_within_and_across_batches_are_counted_once()
    {
        var (key, at) = UntouchedDay(1980);
        var stream = BatchStream(IDailyOrderReportGrain.ShardKey(at, "o2"));
        var placed = new OrderStatusChanged("o2:1", "o2", "c", Channel.Web, null, OrderStatus.Confirmed, 50m, "CNY", at, 1);
        var cancelled = new OrderStatusChanged("o2:2", "o2", "c", Channel.Web, OrderStatus.Confirmed, OrderStatus.Cancelled, 50m, "CNY", at, 2);

        await stream.OnNextAsync(new OrderEventBatch([placed, placed]));
        await stream.OnNextAsync(new OrderEventBatch([placed, cancelled]));
        await stream.OnNextAsync(new OrderEventBatch([cancelled]));

        var day = fixture.Grains.GetGrain<IDailyOrderReportGrain>(key);
        var figures = await Settled(day, f => f.EventsCounted >= 2);
        Assert.Equal(2, figures.EventsCounted);
        Assert.Equal((1, 50m, 1), (figures.Totals.Placed, figures.Totals.PlacedAmount, figures.Totals.Cancelled));
        Assert.Equal(1, figures.ByChannel[Channel.Web].Cancelled);
    }

    [Fact]
    public async Task A_busy_shard_still_counts_each_event_once_after_it_is_reactivated()
    {
        var (key, at) = UntouchedDay(1970);
        var shardKey = IDailyOrderReportGrain.ShardKey(at, "o3");
        var stream = BatchStream(shardKey);
        var events = Enumerable.Range(0, 150)
            .Select(i => new OrderStatusChanged($"o3-{i}:1", $"o3-{i}", "c", Channel.Mobile, null, OrderStatus.Confirmed, 1m, "CNY", at, 1)).ToList();
        foreach (var batch in events.Chunk(40))
        {
            await stream.OnNextAsync(new OrderEventBatch(batch));
        }

        var day = fixture.Grains.GetGrain<IDailyOrderReportGrain>(key);
        await Eventually(day, f => f.EventsCounted >= 150);

        // More than two pages of counted events are sealed; a new activation reads them back before counting.
        await fixture.DeactivateAll();
        await stream.OnNextAsync(new OrderEventBatch(events));
        await stream.OnNextAsync(new OrderEventBatch([events[0] with { EventId = "o3-0:2", Version = 2, Status = OrderStatus.Cancelled, PreviousStatus = OrderStatus.Confirmed }]));
        var figures = await Settled(day, f => f.Totals.Cancelled >= 1);
        Assert.Equal(151, figures.EventsCounted);
        Assert.Equal((150, 150m, 1), (figures.Totals.Placed, figures.Totals.PlacedAmount, figures.Totals.Cancelled));
    }

    [Fact]
    public async Task A_shard_stored_by_an_earlier_build_keeps_counting_its_events_once()
    {
        var (key, at) = UntouchedDay(1960);
        var shardKey = IDailyOrderReportGrain.ShardKey(at, "o4");
        var earlier = new DailyOrderReportState { Counted = [Fnv.Of64("o4:1")] };
        earlier.Totals.Placed = 1;
        earlier.Totals.PlacedAmount = 20m;
        var storage = fixture.Storage(StorageNames.Reports);
        await storage.WriteStateAsync("daily-orders", GrainId.Create("order-report-shard", shardKey), new GrainState<DailyOrderReportState>(earlier));
        var stream = BatchStream(shardKey);
        var placed = new OrderStatusChanged("o4:1", "o4", "c", Channel.Phone, null, OrderStatus.Confirmed, 20m, "CNY", at, 1);
        var cancelled = placed with { EventId = "o4:2", Version = 2, PreviousStatus = OrderStatus.Confirmed, Status = OrderStatus.Cancelled };

        await stream.OnNextAsync(new OrderEventBatch([placed, cancelled]));
        var day = fixture.Grains.GetGrain<IDailyOrderReportGrain>(key);
        await Eventually(day, f => f.Totals.Cancelled >= 1);

        // The earlier set moved into the log with that write: a new activation still knows the first event.
        await fixture.DeactivateAll();
        await stream.OnNextAsync(new OrderEventBatch([placed, cancelled]));
        var figures = await Settled(day, _ => true);
        Assert.Equal(2, figures.EventsCounted);
        Assert.Equal((1, 20m, 1), (figures.Totals.Placed, figures.Totals.PlacedAmount, figures.Totals.Cancelled));
    }

    /// <summary>A day no other test touches (a random day from the given year on), so its figures are exact.</summary>
    private static (string Key, DateTimeOffset At) UntouchedDay(int fromYear)
    {
        var key = new DateOnly(fromYear, 1, 1).AddDays(Random.Shared.Next(0, 3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (key, DateTimeOffset.Parse(key, CultureInfo.InvariantCulture));
    }

    private IAsyncStream<OrderEventBatch> BatchStream(string shardKey) => fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
        .GetStream<OrderEventBatch>(StreamId.Create(StreamNames.OrderEventBatches, shardKey));

    /// <summary>The figures once <paramref name="done"/> holds and a moment more has passed, for a late duplicate to show.</summary>
    private static async Task<DailyOrderFigures> Settled(IDailyOrderReportGrain day, Func<DailyOrderFigures, bool> done)
    {
        await Eventually(day, done);
        await Task.Delay(300);
        return await day.GetFigures();
    }

    private static async Task<DailyOrderFigures> Eventually(IDailyOrderReportGrain day, Func<DailyOrderFigures, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var figures = await day.GetFigures();
            if (done(figures) || DateTime.UtcNow > deadline)
            {
                return figures;
            }

            await Task.Delay(50);
        }
    }
}
