using OrderActors.ApiHost.Reports;
using OrderActors.Orders;
using OrderActors.Reports;

namespace OrderActors.Tests.Reports;

public sealed class OrderFiguresFoldTests
{
    private static OrderStatusChanged Event(OrderStatus? from, OrderStatus to, decimal total = 100m, Channel channel = Channel.Web) =>
        new("o:1", "o", "c", channel, from, to, total, "CNY", DateTimeOffset.UnixEpoch, 1);

    [Fact]
    public void A_placement_straight_into_confirmed_counts_as_placed_and_confirmed()
    {
        var figures = new OrderFigures();
        OrderFiguresFold.Apply(figures, Event(null, OrderStatus.Confirmed, 398m));
        Assert.Equal((1, 398m, 1, 398m), (figures.Placed, figures.PlacedAmount, figures.Confirmed, figures.ConfirmedAmount));
    }

    [Fact]
    public void Later_statuses_count_where_they_belong()
    {
        var figures = new OrderFigures();
        OrderFiguresFold.Apply(figures, Event(null, OrderStatus.PendingReview));
        OrderFiguresFold.Apply(figures, Event(OrderStatus.Packed, OrderStatus.Shipped));
        OrderFiguresFold.Apply(figures, Event(OrderStatus.Delivered, OrderStatus.Completed));
        OrderFiguresFold.Apply(figures, Event(OrderStatus.Confirmed, OrderStatus.Cancelled));
        OrderFiguresFold.Apply(figures, Event(OrderStatus.Confirmed, OrderStatus.Picking));
        Assert.Equal((1, 0, 1, 1, 1), (figures.Placed, figures.Confirmed, figures.Shipped, figures.Completed, figures.Cancelled));
    }

    [Fact]
    public void Days_roll_up_into_months_with_channels_kept_apart()
    {
        DailyOrderFigures Day(int month, int day, Channel channel, int placed)
        {
            var f = new OrderFigures { Placed = placed, PlacedAmount = placed * 10m };
            return new DailyOrderFigures(new DateOnly(2026, month, day), f, new Dictionary<Channel, OrderFigures> { [channel] = f }, placed);
        }

        var report = OrderReportBuilder.Build(Granularity.Month, new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2),
            [Day(10, 30, Channel.Web, 1), Day(10, 31, Channel.Store, 2), Day(11, 1, Channel.Web, 3), Day(11, 2, Channel.Web, 4)]);

        Assert.Equal(["2026-10", "2026-11"], report.Buckets.Select(b => b.Period));
        Assert.Equal(3, report.Buckets[0].Totals.Placed);
        Assert.Equal(7, report.Buckets[1].ByChannel[Channel.Web].Placed);
        Assert.Equal(10, report.Totals.Placed);
        Assert.Equal(100m, report.Totals.PlacedAmount);
        var csv = OrderReportBuilder.ToCsv(report).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,channel,placed", csv[0]);
        Assert.Contains("2026-11,web,7,70.00,0,0.00,0,0.00,0,0.00,0,0.00", csv);
    }
}
