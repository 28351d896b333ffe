namespace OrderActors.Orders;

public enum Channel
{
    Web,
    Mobile,
    Store,
    Marketplace,
    Phone,
}
