namespace OrderActors.Complaints;

public enum ComplaintCategory
{
    Product,
    Delivery,
    Payment,
    Service,
    Other,
}
