namespace OrderActors.Orders;

public enum OrderStatus
{
    PendingReview,
    Rejected,
    AwaitingStock,
    Confirmed,
    Picking,
    Packed,
    Shipped,
    Delivered,
    Completed,
    Settled,
    Cancelled,
}
