namespace OrderActors.Common;

public static class NotificationKinds
{
    public const string OrderConfirmation = "orderConfirmation";
    public const string ShippingNotice = "shippingNotice";
    public const string Shortage = "shortage";
    public const string Replenishment = "replenishment";
}
