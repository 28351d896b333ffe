using Orleans.Concurrency;
using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.Customers;

[Alias("OrderActors.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <returns>The customer, and whether this call created it.</returns>
    [Alias("Upsert")] Task<(CustomerSnapshot Customer, bool Created)> Upsert(CustomerProfile profile);

    /// <summary>The customer with its segment as of now (time alone can move it, e.g. to at risk).</summary>
    [Alias("Get")] Task<CustomerSnapshot?> Get();

    /// <summary>
    /// Null when the customer does not exist, else whether its orders go to manual review, lent to
    /// <paramref name="holder"/> to cache: <see cref="Upsert"/> revokes it before it changes the flag. Interleaves
    /// with the customer's other calls: it reads only the profile, which changes in <see cref="Upsert"/> alone.
    /// </summary>
    [AlwaysInterleave, Alias("LeaseReviewFlag")] Task<Leased<bool?>> LeaseReviewFlag(IReadLeaseHolder? holder);

    /// <summary>
    /// Record or update one of the customer's orders, with an optional notice for the customer; answered once stored.
    /// Interleaves with the customer's other calls: it changes only the history and the segment, in one turn, and its
    /// write is shared with whatever else is being written (group commit), so a customer placing many orders at once
    /// does not make each wait for the writes of the ones before.
    /// </summary>
    [AlwaysInterleave, Alias("TrackOrder")] Task TrackOrder(CustomerOrder order, Notification? notice);

    /// <param name="cursor">Opaque, from the previous page's <c>NextCursor</c>.</param>
    [Alias("ListOrders")] Task<CustomerOrderPage> ListOrders(OrderStatus? status, int limit, string? cursor);

    [Alias("ListNotifications")] Task<IReadOnlyList<Notification>> ListNotifications(int limit);

    /// <summary>Recompute the segment with the current time; the periodic sweep calls this.</summary>
    [Alias("RefreshSegment")] Task<SegmentAssignment?> RefreshSegment();

    /// <param name="segment">The segment to pin, or null to return to the automatic one.</param>
    [Alias("OverrideSegment")] Task<CustomerSnapshot?> OverrideSegment(string? segment, string reason, string actor);

    [Alias("AddServiceRecord")] Task<ServiceRecord?> AddServiceRecord(string channel, string summary, string? orderId, string actor);

    [Alias("ListServiceRecords")] Task<(IReadOnlyList<ServiceRecord> Items, string? NextCursor)> ListServiceRecords(int limit, string? cursor);
}
