using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderActors.Customers;
using OrderActors.Orders;
using OrderActors.Silo;
using Orleans.TestingHost;

namespace OrderActors.Tests.Customers;

/// <summary>A cluster whose grains read a fake clock, so months can pass in a test.</summary>
public sealed class FakeClockCluster : IAsyncLifetime
{
    // Orleans itself reads the same clock: letting it tick on every read keeps its own delays moving.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.AddInMemoryProviders().AddOrderActorsGrains(new ConfigurationBuilder().Build());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class SegmentTimeTests(FakeClockCluster fixture) : IClassFixture<FakeClockCluster>
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_customer_moves_between_segments_as_orders_and_time_go_by()
    {
        var s = new Scenario(Grains);
        var sku = await s.Sku("SEG", 2500m, ("SH", 100));
        var id = await s.Customer("mover");
        var customer = Grains.GetGrain<ICustomerGrain>(id);
        Assert.Equal(Segmentation.Prospect, (await customer.Get())!.Segment.Segment);

        async Task Buy(int quantity)
        {
            var order = s.NewOrder();
            var placed = await order.Place(Scenario.Order(id, ShortagePolicy.Reject, (sku, quantity)));
            await order.RecordPayment(new RecordPayment(PaymentMethod.Card, placed.Order!.Total, Guid.NewGuid().ToString("N"), "f"));
        }

        await Buy(1);
        Assert.Equal(Segmentation.New, (await customer.Get())!.Segment.Segment);

        fixture.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(Segmentation.Active, (await customer.RefreshSegment())!.Segment);

        fixture.Clock.Advance(TimeSpan.FromDays(60));
        var atRisk = await customer.Get();
        Assert.Equal(Segmentation.AtRisk, atRisk!.Segment.Segment);
        Assert.Contains("91 days", atRisk.Segment.Reason);

        fixture.Clock.Advance(TimeSpan.FromDays(90));
        Assert.Equal(Segmentation.Lost, (await customer.RefreshSegment())!.Segment);

        await Buy(1);
        await Buy(1);
        Assert.Equal(Segmentation.Loyal, (await customer.Get())!.Segment.Segment);
        await Buy(1);
        await Buy(1);
        var vip = await customer.Get();
        Assert.Equal(Segmentation.Vip, vip!.Segment.Segment);
        Assert.Equal(12500m, vip.Stats.LifetimeValue);

        var pinned = await customer.OverrideSegment(Segmentation.AtRisk, "complained twice", "dev-clerk");
        Assert.Equal((Segmentation.AtRisk, "dev-clerk"), (pinned!.Segment.Segment, pinned.Segment.OverriddenBy));
        Assert.Contains("complained twice", pinned.Segment.Reason);
        Assert.Equal(Segmentation.Vip, (await customer.OverrideSegment(null, "cleared", "dev-clerk"))!.Segment.Segment);

        var shard = Grains.GetGrain<ICustomerDirectoryGrain>(ICustomerDirectoryGrain.ShardOf(id));
        var moves = (await shard.Moves(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Where(m => m.CustomerId == id).Select(m => $"{m.From}>{m.To}").ToList();
        Assert.Equal(
            ["none>prospect", "prospect>new", "new>active", "active>atRisk", "atRisk>lost", "lost>active", "active>loyal", "loyal>vip", "vip>atRisk", "atRisk>vip"],
            moves);
    }

    [Fact]
    public async Task The_periodic_refresh_moves_idle_customers_without_any_order()
    {
        var s = new Scenario(Grains);
        var sku = await s.Sku("IDLE", 10m, ("SH", 10));
        var id = await s.Customer("idle");
        await s.NewOrder().Place(Scenario.Order(id, ShortagePolicy.Reject, (sku, 1)));
        var shard = Grains.GetGrain<ICustomerDirectoryGrain>(ICustomerDirectoryGrain.ShardOf(id));
        Assert.Equal(Segmentation.New, (await shard.Summaries()).Single(c => c.CustomerId == id).Segment);

        fixture.Clock.Advance(TimeSpan.FromDays(100));
        var refreshed = await Grains.GetGrain<ISegmentRefreshGrain>(0).RefreshAll();

        Assert.True(refreshed >= 1);
        Assert.Equal(Segmentation.AtRisk, (await shard.Summaries()).Single(c => c.CustomerId == id).Segment);
    }
}
