using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>
/// A first segmentation by order frequency; recency and monetary value (RFM) come with the customers issue.
/// </summary>
public static class CustomerSegments
{
    public static string Of(IEnumerable<CustomerOrder> orders)
    {
        var count = orders.Count(o => o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Rejected);
        return count switch
        {
            0 => "prospect",
            1 => "new",
            < 5 => "repeat",
            _ => "loyal",
        };
    }
}
