namespace OrderActors.Orders;

public enum PaymentTerms
{
    Prepaid,
    CashOnDelivery,
}
