using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.Tests.Customers;

public sealed class SegmentationTests
{
    private static readonly SegmentOptions Options = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static CustomerStats Stats(int orders, decimal value, int firstDaysAgo, int lastDaysAgo) =>
        new(orders, value, Now.AddDays(-firstDaysAgo), Now.AddDays(-lastDaysAgo), orders == 0 ? 0 : value / orders, new Dictionary<Channel, int>());

    [Theory]
    [InlineData(1, 100, 30, 30, Segmentation.New)]
    [InlineData(1, 100, 31, 31, Segmentation.Active)]
    [InlineData(2, 100, 20, 5, Segmentation.Active)]
    [InlineData(3, 100, 60, 5, Segmentation.Loyal)]
    [InlineData(5, 9999.99, 60, 5, Segmentation.Loyal)]
    [InlineData(5, 10000, 60, 5, Segmentation.Vip)]
    [InlineData(4, 50000, 60, 5, Segmentation.Loyal)]
    [InlineData(9, 50000, 400, 90, Segmentation.Vip)]
    [InlineData(9, 50000, 400, 91, Segmentation.AtRisk)]
    [InlineData(1, 10, 180, 180, Segmentation.AtRisk)]
    [InlineData(1, 10, 181, 181, Segmentation.Lost)]
    public void Each_rule_holds_at_its_boundary(int orders, decimal value, int firstDaysAgo, int lastDaysAgo, string expected)
    {
        Assert.Equal(expected, Segmentation.Classify(Stats(orders, value, firstDaysAgo, lastDaysAgo), Now, Options).Segment);
    }

    [Fact]
    public void A_customer_without_orders_is_a_prospect()
    {
        Assert.Equal((Segmentation.Prospect, "no orders yet"), Segmentation.Classify(CustomerStats.None, Now, Options));
    }

    [Fact]
    public void The_reason_names_the_figures_behind_the_segment()
    {
        Assert.Equal("last order 95 days ago (more than 90)", Segmentation.Classify(Stats(3, 100, 200, 95), Now, Options).Reason);
    }

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var strict = new SegmentOptions { AtRiskAfterDays = 10, LoyalMinOrders = 2 };
        Assert.Equal(Segmentation.AtRisk, Segmentation.Classify(Stats(2, 10, 20, 11), Now, strict).Segment);
        Assert.Equal(Segmentation.Loyal, Segmentation.Classify(Stats(2, 10, 20, 10), Now, strict).Segment);
    }

    [Fact]
    public void Stats_count_placed_orders_and_value_net_of_refunds()
    {
        CustomerOrder Order(string id, OrderStatus status, decimal total, decimal netPaid, int daysAgo, Channel channel) =>
            new(id, status, channel, total, netPaid, "CNY", Now.AddDays(-daysAgo), 1);

        var stats = Segmentation.StatsOf(
        [
            Order("a", OrderStatus.Settled, 100m, 100m, 40, Channel.Web),
            Order("b", OrderStatus.Confirmed, 300m, 0m, 2, Channel.Mobile),
            Order("c", OrderStatus.Cancelled, 999m, 0m, 1, Channel.Web),
            Order("d", OrderStatus.Completed, 50m, 20m, 10, Channel.Web),
        ]);

        Assert.Equal(3, stats.OrderCount);
        Assert.Equal(120m, stats.LifetimeValue);
        Assert.Equal(150m, stats.AverageOrderValue);
        Assert.Equal(Now.AddDays(-40), stats.FirstOrderAt);
        Assert.Equal(Now.AddDays(-2), stats.LastOrderAt);
        Assert.Equal(2, stats.ChannelMix[Channel.Web]);
        Assert.Equal(1, stats.ChannelMix[Channel.Mobile]);
    }
}
