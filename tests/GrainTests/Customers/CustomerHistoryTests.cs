using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Orders;
using Orleans.Runtime;

namespace OrderActors.Tests.Customers;

/// <summary>
/// A customer stores its orders and notices as changes since a snapshot: the state it writes with each order
/// stays small however many orders it has placed, and a new activation rebuilds exactly the same history.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerHistoryTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static CustomerOrder Report(int i, OrderStatus status, int version) =>
        new($"o{i:D3}", status, Channel.Web, 10m + i, 0m, "CNY", Start.AddMinutes(i), version);

    private static Notification Notice(int i) => new($"o{i:D3}:confirmation", NotificationKinds.OrderConfirmation, $"Order o{i:D3} is confirmed.", Start.AddMinutes(i), $"o{i:D3}");

    private async Task<CustomerState> Stored(string customerId)
    {
        var stored = new GrainState<CustomerState>(new CustomerState());
        await fixture.Storage(StorageNames.Customers).ReadStateAsync("customer", GrainId.Create("customer", customerId), stored);
        return stored.State!;
    }

    [Fact]
    public async Task A_hundred_orders_are_written_as_a_few_changes_and_read_back_exactly()
    {
        var id = await _s.Customer("regular");
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        for (var i = 0; i < 100; i++)
        {
            await customer.TrackOrder(Report(i, OrderStatus.Confirmed, 2), Notice(i));
        }

        // Later reports of some orders, and an older one that must not win.
        for (var i = 0; i < 100; i += 10)
        {
            await customer.TrackOrder(Report(i, OrderStatus.Shipped, 4), null);
        }

        await customer.TrackOrder(Report(20, OrderStatus.Confirmed, 3), Notice(20));
        var before = await customer.ListOrders(null, 200, null);
        var noticesBefore = await customer.ListNotifications(500);
        var statsBefore = (await customer.Get())!.Stats;

        var stored = await Stored(id);
        Assert.InRange(stored.History.Changes.Count, 0, 2 * CustomerHistory.SnapshotAfter);
        Assert.Empty(stored.EarlierOrders);

        await fixture.DeactivateAll();
        var after = await customer.ListOrders(null, 200, null);
        Assert.Equal(100, after.Items.Count);
        Assert.Equal(before.Items, after.Items);
        Assert.Equal(noticesBefore, await customer.ListNotifications(500));
        Assert.Equal(100, noticesBefore.Count);
        Assert.Equal(10, (await customer.ListOrders(OrderStatus.Shipped, 200, null)).Items.Count);
        Assert.Equal(OrderStatus.Shipped, after.Items.Single(o => o.OrderId == "o020").Status);
        var stats = (await customer.Get())!.Stats;
        Assert.Equal(100, stats.OrderCount);
        Assert.Equal((statsBefore.LifetimeValue, statsBefore.FirstOrderAt, statsBefore.LastOrderAt), (stats.LifetimeValue, stats.FirstOrderAt, stats.LastOrderAt));

        // After the reload the history goes on from where it was.
        await customer.TrackOrder(Report(100, OrderStatus.Confirmed, 2), Notice(100));
        await fixture.DeactivateAll();
        Assert.Equal(101, (await customer.ListOrders(null, 200, null)).Items.Count);
        Assert.Equal("o100:confirmation", (await customer.ListNotifications(1))[0].NotificationId);
    }

    [Fact]
    public async Task A_customer_stored_by_an_earlier_build_keeps_its_orders_and_notices()
    {
        var id = await _s.Customer("earlier");
        await fixture.DeactivateAll();

        // As builds before the history stored it: every order and notice in the state itself.
        var grainId = GrainId.Create("customer", id);
        var stored = new GrainState<CustomerState>(new CustomerState());
        await fixture.Storage(StorageNames.Customers).ReadStateAsync("customer", grainId, stored);
        for (var i = 0; i < 30; i++)
        {
            stored.State!.EarlierOrders[$"o{i:D3}"] = Report(i, OrderStatus.Confirmed, 2);
            stored.State.EarlierNotifications.Add(Notice(i));
        }

        await fixture.Storage(StorageNames.Customers).WriteStateAsync("customer", grainId, stored);

        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        Assert.Equal(30, (await customer.ListOrders(null, 100, null)).Items.Count);
        await customer.TrackOrder(Report(30, OrderStatus.Confirmed, 2), Notice(30));

        await fixture.DeactivateAll();
        Assert.Empty((await Stored(id)).EarlierOrders);
        Assert.Equal(31, (await customer.ListOrders(null, 100, null)).Items.Count);
        var notices = await customer.ListNotifications(100);
        Assert.Equal(31, notices.Count);
        Assert.Equal("o030:confirmation", notices[0].NotificationId);
        Assert.Equal("o000:confirmation", notices[^1].NotificationId);
    }

    [Fact]
    public async Task The_statistics_follow_every_change_of_an_order_and_survive_reactivation()
    {
        var id = await _s.Customer("figures");
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        for (var i = 0; i < 3; i++)
        {
            await customer.TrackOrder(Report(i, OrderStatus.Confirmed, 1), null);
        }

        var three = (await customer.Get())!.Stats;
        Assert.Equal(3, three.OrderCount);
        Assert.Equal(11m, three.AverageOrderValue);

        // A cancellation leaves the counted orders; a repeat of an older report changes nothing; a new order counts.
        await customer.TrackOrder(Report(2, OrderStatus.Cancelled, 2), null);
        Assert.Equal(2, (await customer.Get())!.Stats.OrderCount);
        await customer.TrackOrder(Report(2, OrderStatus.Confirmed, 1), null);
        Assert.Equal(2, (await customer.Get())!.Stats.OrderCount);
        await customer.TrackOrder(Report(3, OrderStatus.Confirmed, 1) with { Channel = Channel.Mobile }, null);
        var now = (await customer.Get())!.Stats;
        Assert.Equal(3, now.OrderCount);
        Assert.Equal(Math.Round((10m + 11m + 13m) / 3, 2), now.AverageOrderValue);
        Assert.Equal(Start.AddMinutes(3), now.LastOrderAt);
        Assert.Equal(1, now.ChannelMix[Channel.Mobile]);

        await fixture.DeactivateAll();
        var reloaded = (await customer.Get())!.Stats;
        Assert.Equal(now.OrderCount, reloaded.OrderCount);
        Assert.Equal(now.AverageOrderValue, reloaded.AverageOrderValue);
        Assert.Equal(now.LastOrderAt, reloaded.LastOrderAt);
        Assert.Equal(now.ChannelMix, reloaded.ChannelMix);
    }
    [Fact]
    public async Task Concurrent_reports_a_profile_change_and_service_records_all_land_and_read_back_after_reactivation()
    {
        var id = await _s.Customer("busy");
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);

        // Reports interleave with each other and with the customer's other calls, and share its writes: every one
        // must be kept, and none may make a write fail for another (two writes at once would conflict).
        var work = Enumerable.Range(0, 150).Select(i => customer.TrackOrder(Report(i, OrderStatus.Confirmed, 2), Notice(i)))
            .Concat(Enumerable.Range(0, 150).Where(i => i % 5 == 0).Select(i => customer.TrackOrder(Report(i, OrderStatus.Shipped, 4), null)))
            .Concat([customer.Upsert(new CustomerProfile("Busy Bee", "bee@example.com", null, false))])
            .Concat(Enumerable.Range(0, 5).Select(i => (Task)customer.AddServiceRecord("phone", $"call {i}", null, "agent")))
            .ToList();
        await Task.WhenAll(work);

        async Task Check()
        {
            var orders = await customer.ListOrders(null, 200, null);
            Assert.Equal(150, orders.Items.Count);
            Assert.Equal(30, orders.Items.Count(o => o.Status == OrderStatus.Shipped));
            Assert.Equal(150, (await customer.ListNotifications(500)).Count);
            var snapshot = (await customer.Get())!;
            Assert.Equal("Busy Bee", snapshot.Profile.Name);
            Assert.Equal(150, snapshot.Stats.OrderCount);
            var (records, _) = await customer.ListServiceRecords(10, null);
            Assert.Equal(5, records.Count);
            Assert.Equal(5, records.Select(r => r.RecordId).Distinct().Count());
        }

        await Check();
        await fixture.DeactivateAll();
        await Check();
    }
}
