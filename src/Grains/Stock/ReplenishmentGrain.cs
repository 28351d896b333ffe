using OrderActors.Orders;

namespace OrderActors.Stock;

/// <summary>
/// Books receipts for one SKU and offers the stock to its waiting orders one by one, oldest first, so
/// backorders fill first-come first-served. Not reentrant: receipts of one SKU are handled in turn.
/// </summary>
[GrainType("replenishment")]
public sealed class ReplenishmentGrain : Grain, IReplenishmentGrain
{
    public async Task<SkuSnapshot?> Receive(ReceiveStock command)
    {
        var sku = GrainFactory.GetGrain<ISkuStockGrain>(this.GetPrimaryKeyString());
        var outcome = await sku.Receive(command);
        if (outcome.Sku is null)
        {
            return null;
        }

        foreach (var orderId in outcome.WaitingOrders)
        {
            await GrainFactory.GetGrain<IOrderGrain>(orderId).RetryBackorder(command.Actor);
        }

        return outcome.WaitingOrders.Count == 0 ? outcome.Sku : await sku.Get();
    }
}
