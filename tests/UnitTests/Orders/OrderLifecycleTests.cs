using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

public sealed class OrderLifecycleTests
{
    // The lifecycle table of API.md, written out independently of the implementation.
    private static readonly Dictionary<OrderAction, OrderStatus[]> Expected = new()
    {
        [OrderAction.Approve] = [OrderStatus.PendingReview],
        [OrderAction.Reject] = [OrderStatus.PendingReview],
        [OrderAction.ModifyLines] = [OrderStatus.Rejected, OrderStatus.PendingReview, OrderStatus.AwaitingStock],
        [OrderAction.FillBackorder] = [OrderStatus.AwaitingStock],
        [OrderAction.Pick] = [OrderStatus.Confirmed],
        [OrderAction.Pack] = [OrderStatus.Picking],
        [OrderAction.Ship] = [OrderStatus.Packed],
        [OrderAction.Deliver] = [OrderStatus.Shipped],
        [OrderAction.Complete] = [OrderStatus.Delivered],
        [OrderAction.Cancel] = [OrderStatus.PendingReview, OrderStatus.Rejected, OrderStatus.AwaitingStock, OrderStatus.Confirmed, OrderStatus.Picking, OrderStatus.Packed],
        [OrderAction.Pay] = [OrderStatus.PendingReview, OrderStatus.AwaitingStock, OrderStatus.Confirmed, OrderStatus.Picking, OrderStatus.Packed, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed],
    };

    public static TheoryData<OrderStatus, OrderAction, bool> EveryCell()
    {
        var data = new TheoryData<OrderStatus, OrderAction, bool>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var action in Enum.GetValues<OrderAction>())
            {
                data.Add(status, action, Expected[action].Contains(status));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Each_action_is_allowed_exactly_from_the_statuses_of_the_table(OrderStatus from, OrderAction action, bool allowed)
    {
        Assert.Equal(allowed, OrderLifecycle.IsAllowed(from, action));
    }

    [Fact]
    public void Nothing_moves_a_shipped_or_later_order_back_or_cancels_it()
    {
        foreach (var status in new[] { OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Settled, OrderStatus.Cancelled })
        {
            Assert.False(OrderLifecycle.IsAllowed(status, OrderAction.Cancel));
            Assert.False(OrderLifecycle.IsAllowed(status, OrderAction.Pick));
            Assert.False(OrderLifecycle.IsAllowed(status, OrderAction.ModifyLines));
        }
    }

    [Theory]
    [InlineData(OrderAction.Pick, OrderStatus.Picking)]
    [InlineData(OrderAction.Pack, OrderStatus.Packed)]
    [InlineData(OrderAction.Ship, OrderStatus.Shipped)]
    [InlineData(OrderAction.Deliver, OrderStatus.Delivered)]
    [InlineData(OrderAction.Complete, OrderStatus.Completed)]
    [InlineData(OrderAction.Complete, OrderStatus.Settled)]
    [InlineData(OrderAction.Cancel, OrderStatus.Cancelled)]
    [InlineData(OrderAction.Reject, OrderStatus.Rejected)]
    public void Repeating_the_call_that_led_to_the_status_is_a_repeat(OrderAction action, OrderStatus current)
    {
        Assert.True(OrderLifecycle.IsRepeat(current, action));
    }

    [Theory]
    [InlineData(OrderAction.Pick, OrderStatus.Packed)]
    [InlineData(OrderAction.Ship, OrderStatus.Delivered)]
    [InlineData(OrderAction.Cancel, OrderStatus.Shipped)]
    [InlineData(OrderAction.Pay, OrderStatus.Confirmed)]
    public void A_call_past_its_status_is_not_a_repeat(OrderAction action, OrderStatus current)
    {
        Assert.False(OrderLifecycle.IsRepeat(current, action));
    }

    [Fact]
    public void Only_confirmed_picking_and_packed_orders_hold_reserved_stock()
    {
        var holding = Enum.GetValues<OrderStatus>().Where(OrderLifecycle.HoldsReservation).ToArray();
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Picking, OrderStatus.Packed], holding);
    }
}
