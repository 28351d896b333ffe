using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.Tests.Customers;

/// <summary>
/// A crash between the history's snapshot write and the next state write leaves changes in the state that the
/// snapshot already holds: replaying them must give the same history, at the notices' capacity too.
/// </summary>
public sealed class CustomerHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static CustomerOrder Report(int i, OrderStatus status, int version) =>
        new($"o{i}", status, Channel.Web, 10m, 0m, "CNY", Start.AddMinutes(i), version);

    private static Notification Notice(int i) => new($"n{i}", NotificationKinds.OrderConfirmation, "confirmed", Start.AddMinutes(i), $"o{i}");

    [Fact]
    public void Changes_replayed_over_a_snapshot_that_holds_them_give_the_same_history()
    {
        var history = new CustomerHistory();
        history.Load(new CustomerHistorySnapshot());
        var count = CustomerHistory.NoticeCapacity + 40;
        for (var i = 0; i < count; i++)
        {
            Assert.True(history.Track(Report(i, OrderStatus.Confirmed, 2)));
            Assert.True(history.Notify(Notice(i)));
            if (i % 7 == 0)
            {
                Assert.True(history.Track(Report(i, OrderStatus.Shipped, 3)));
            }
        }

        Assert.False(history.Track(Report(7, OrderStatus.Confirmed, 2)));
        Assert.False(history.Notify(Notice(count - 1)));
        Assert.False(history.Notify(Notice(0)));

        // The snapshot written, the state not yet: on activation every change is replayed over it.
        var snapshot = history.Copy();
        var reloaded = new CustomerHistory { Recent = new(history.Changes) };
        reloaded.Load(snapshot);
        Assert.Equal(history.Orders.OrderBy(o => o.OrderId), reloaded.Orders.OrderBy(o => o.OrderId));
        Assert.Equal(history.Notices, reloaded.Notices);
        Assert.Equal(CustomerHistory.NoticeCapacity, reloaded.Notices.Count);
        Assert.Equal("n40", reloaded.Notices[0].NotificationId);

        // And once the state's write follows, the changes the snapshot covers leave it.
        history.Compacted(history.Changes.Count);
        var compacted = new CustomerHistory { Recent = new(history.Changes) };
        compacted.Load(snapshot);
        Assert.Equal(history.Orders.OrderBy(o => o.OrderId), compacted.Orders.OrderBy(o => o.OrderId));
        Assert.Equal(history.Notices, compacted.Notices);
        Assert.Equal(OrderStatus.Shipped, compacted.Orders.Single(o => o.OrderId == "o7").Status);
    }
}
