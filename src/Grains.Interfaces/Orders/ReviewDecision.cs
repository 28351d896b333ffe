namespace OrderActors.Orders;

public enum ReviewDecision
{
    Approve,
    Reject,
}
