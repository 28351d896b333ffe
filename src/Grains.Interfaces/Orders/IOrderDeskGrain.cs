namespace OrderActors.Orders;

/// <summary>
/// The front desk for new orders, one per silo and core (stateless worker): checks the customer and the
/// SKUs, and answers a placement that cannot succeed without activating or storing an order. What may
/// succeed goes on to the order grain with the facts already read.
/// </summary>
[Alias("OrderActors.IOrderDeskGrain")]
public interface IOrderDeskGrain : IGrainWithIntegerKey
{
    /// <summary>Places an order under an id the desk mints (the created order's <see cref="OrderSnapshot.OrderId"/>).</summary>
    [Alias("Place")] Task<OrderResult> Place(PlaceOrder command);

    /// <summary>Places an order under an id the caller chose (the API mints through <see cref="Place"/>).</summary>
    /// <param name="orderId">A fresh id no order has had: a refusal then needs no order to look at.</param>
    [Alias("PlaceNew")] Task<OrderResult> PlaceNew(string orderId, PlaceOrder command);
}
