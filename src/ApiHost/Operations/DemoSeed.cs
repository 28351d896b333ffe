using OrderActors.Customers;
using OrderActors.Stock;

namespace OrderActors.ApiHost.Operations;

/// <summary>A few SKUs in two warehouses and three customers, so a newcomer can place an order at once.</summary>
public static class DemoSeed
{
    public static async Task Run(IGrainFactory grains)
    {
        (string Sku, SkuCatalog Catalog, (string Warehouse, int Quantity)[] Stock)[] skus =
        [
            ("TEA-1", new SkuCatalog("Tea set", 199.00m, 80.00m, 0.13m, "CNY", 10), [("SH", 100), ("BJ", 20)]),
            ("CUP-9", new SkuCatalog("Celadon tea cup", 29.90m, 9.50m, 0.13m, "CNY", 20), [("SH", 200), ("BJ", 50)]),
            ("POT-3", new SkuCatalog("Yixing clay teapot", 1280.00m, 420.00m, 0.13m, "CNY", 2), [("SH", 5)]),
            ("BOOK-7", new SkuCatalog("The Classic of Tea", 58.00m, 21.00m, 0.09m, "CNY", 5), [("BJ", 30)]),
        ];
        foreach (var (sku, catalog, stock) in skus)
        {
            var (snapshot, created) = await grains.GetGrain<ISkuStockGrain>(sku).Upsert(catalog);
            if (created || snapshot.Stock.OnHand == 0)
            {
                foreach (var (warehouse, quantity) in stock)
                {
                    await grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock(warehouse, quantity, "demo seed", "demo-seed"));
                }
            }
        }

        await grains.GetGrain<ICustomerGrain>("c1").Upsert(new CustomerProfile("Li Lei", "li@example.com", "+86 138 0000 0000", false));
        await grains.GetGrain<ICustomerGrain>("c2").Upsert(new CustomerProfile("Han Meimei", "han@example.com", "+86 139 0000 0000", false));
        await grains.GetGrain<ICustomerGrain>("c3").Upsert(new CustomerProfile("Acme Trading Co.", "buyer@acme.example", null, true));
    }
}
