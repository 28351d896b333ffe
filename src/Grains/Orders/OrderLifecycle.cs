using System.Collections.Frozen;

namespace OrderActors.Orders;

/// <summary>The lifecycle table of API.md: which action is allowed from which status.</summary>
public static class OrderLifecycle
{
    private static readonly FrozenDictionary<OrderAction, OrderStatus[]> AllowedFrom = new Dictionary<OrderAction, OrderStatus[]>
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
        [OrderAction.Cancel] =
        [
            OrderStatus.PendingReview, OrderStatus.Rejected, OrderStatus.AwaitingStock,
            OrderStatus.Confirmed, OrderStatus.Picking, OrderStatus.Packed,
        ],
        [OrderAction.Pay] =
        [
            OrderStatus.PendingReview, OrderStatus.AwaitingStock, OrderStatus.Confirmed, OrderStatus.Picking,
            OrderStatus.Packed, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed,
        ],
    }.ToFrozenDictionary();

    // The status each action leads to when it is repeated: answering the order again makes retries safe.
    private static readonly FrozenDictionary<OrderAction, OrderStatus[]> RepeatedAt = new Dictionary<OrderAction, OrderStatus[]>
    {
        [OrderAction.Approve] = [OrderStatus.Confirmed, OrderStatus.AwaitingStock],
        [OrderAction.Reject] = [OrderStatus.Rejected],
        [OrderAction.Pick] = [OrderStatus.Picking],
        [OrderAction.Pack] = [OrderStatus.Packed],
        [OrderAction.Ship] = [OrderStatus.Shipped],
        [OrderAction.Deliver] = [OrderStatus.Delivered],
        [OrderAction.Complete] = [OrderStatus.Completed, OrderStatus.Settled],
        [OrderAction.Cancel] = [OrderStatus.Cancelled],
    }.ToFrozenDictionary();

    public static bool IsAllowed(OrderStatus from, OrderAction action) => AllowedFrom[action].Contains(from);

    public static bool IsRepeat(OrderStatus current, OrderAction action) =>
        RepeatedAt.TryGetValue(action, out var at) && at.Contains(current);

    /// <summary>Statuses in which the order holds reserved stock.</summary>
    public static bool HoldsReservation(OrderStatus status) =>
        status is OrderStatus.Confirmed or OrderStatus.Picking or OrderStatus.Packed;
}
