using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.Customers;

[Alias("OrderActors.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <returns>The customer, and whether this call created it.</returns>
    [Alias("Upsert")] Task<(CustomerSnapshot Customer, bool Created)> Upsert(CustomerProfile profile);

    [Alias("Get")] Task<CustomerSnapshot?> Get();

    /// <summary>Record or update one of the customer's orders, with an optional notice for the customer.</summary>
    [Alias("TrackOrder")] Task TrackOrder(CustomerOrder order, Notification? notice);

    /// <param name="cursor">Opaque, from the previous page's <c>NextCursor</c>.</param>
    [Alias("ListOrders")] Task<CustomerOrderPage> ListOrders(OrderStatus? status, int limit, string? cursor);

    [Alias("ListNotifications")] Task<IReadOnlyList<Notification>> ListNotifications(int limit);
}
