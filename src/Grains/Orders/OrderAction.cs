namespace OrderActors.Orders;

/// <summary>Everything that can move an order along its lifecycle.</summary>
public enum OrderAction
{
    Approve,
    Reject,
    ModifyLines,
    FillBackorder,
    Pick,
    Pack,
    Ship,
    Deliver,
    Complete,
    Cancel,
    Pay,
}
