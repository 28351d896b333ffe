namespace OrderActors.Orders;

public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    PartiallyRefunded,
    Refunded,
}
