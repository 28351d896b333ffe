using OrderActors.Customers;
using OrderActors.Orders;
using OrderActors.Stock;

namespace OrderActors.Tests;

/// <summary>Fresh keys for every test, so tests never see each other's grains.</summary>
public sealed class Scenario(IGrainFactory grains)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public string Key(string name) => $"{name}-{_run}";

    public async Task<string> Sku(string name, decimal price = 10m, params (string Warehouse, int Quantity)[] stock)
    {
        var sku = Key(name);
        await grains.GetGrain<ISkuStockGrain>(sku).Upsert(new SkuCatalog(name, price, price / 2, 0.13m, "CNY", 5));
        foreach (var (warehouse, quantity) in stock)
        {
            await grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock(warehouse, quantity, "test", "test"));
        }

        return sku;
    }

    public async Task<string> Customer(string name = "customer", bool requiresReview = false)
    {
        var id = Key(name);
        await grains.GetGrain<ICustomerGrain>(id).Upsert(new CustomerProfile(name, null, null, requiresReview));
        return id;
    }

    public static PlaceOrder Order(string customerId, ShortagePolicy onShortage, params (string Sku, int Quantity)[] lines) => new(
        customerId, Channel.Web, PaymentTerms.Prepaid, onShortage,
        lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity)).ToList(), null, null, "test");

    public IOrderGrain NewOrder() => grains.GetGrain<IOrderGrain>(Guid.NewGuid().ToString("N"));

    public async Task<StockLevels> Stock(string sku) => (await grains.GetGrain<ISkuStockGrain>(sku).Get())!.Stock;
}
