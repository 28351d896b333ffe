namespace OrderActors.Stock;

/// <summary>
/// Books a receipt on a SKU and then offers the new stock to its backordered orders in arrival order.
/// It is a separate grain because the orders call back into the SKU grain while they reserve.
/// </summary>
[Alias("OrderActors.IReplenishmentGrain")]
public interface IReplenishmentGrain : IGrainWithStringKey
{
    [Alias("Receive")] Task<SkuSnapshot?> Receive(ReceiveStock command);
}
