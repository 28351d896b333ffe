namespace OrderActors.Orders;

public enum InvoiceKind
{
    Electronic,
    Paper,
}
