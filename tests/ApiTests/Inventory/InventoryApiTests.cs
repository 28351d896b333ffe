using System.Net;

namespace OrderActors.Tests.Inventory;

[Collection(ApiCollection.Name)]
public sealed class InventoryApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Warehouse_staff_adjust_transfer_and_count_and_every_change_is_a_movement()
    {
        var admin = new Api(fixture.CreateClient());
        var warehouse = new Api(fixture.CreateClient(), "dev-warehouse");
        var sku = await admin.Sku("OPS", 12.50m, ("SH", 40));

        var adjusted = await warehouse.Post("/api/inventory/adjustments", Api.Json(new { sku, warehouse = "SH", quantityDelta = -3, reason = "damaged", note = "forklift" }), _ = warehouse.Key("adj"));
        Assert.Equal(HttpStatusCode.Created, adjusted.Status);
        Assert.Equal(37, adjusted.Body.GetProperty("stock").GetProperty("onHand").GetInt32());
        (await warehouse.Post("/api/inventory/adjustments", Api.Json(new { sku, warehouse = "SH", quantityDelta = -100, reason = "lost" })))
            .AssertProblem(HttpStatusCode.Conflict, "insufficient_stock");
        (await warehouse.Post("/api/inventory/adjustments", Api.Json(new { sku, warehouse = "SH", quantityDelta = 1, reason = "stolen" })))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        var moved = await warehouse.Post("/api/inventory/transfers", Api.Json(new { sku, fromWarehouse = "SH", toWarehouse = "GZ", quantity = 7, reference = "T-1" }));
        Assert.Equal(HttpStatusCode.Created, moved.Status);
        var warehouses = moved.Body.GetProperty("stock").GetProperty("warehouses").EnumerateArray().ToDictionary(w => w.GetProperty("warehouse").GetString()!, w => w.GetProperty("onHand").GetInt32());
        Assert.Equal((7, 30), (warehouses["GZ"], warehouses["SH"]));
        (await warehouse.Post("/api/inventory/transfers", Api.Json(new { sku, fromWarehouse = "GZ", toWarehouse = "SH", quantity = 8 })))
            .AssertProblem(HttpStatusCode.Conflict, "insufficient_stock");
        Assert.Contains((await warehouse.Get("/api/inventory/transfers")).Body.GetProperty("items").EnumerateArray(),
            t => t.GetProperty("reference").GetString() == "T-1" && t.GetProperty("sku").GetString() == sku);

        var count = await warehouse.Post("/api/inventory/counts", Api.Json(new { warehouse = "SH", skus = new[] { sku } }));
        Assert.Equal(HttpStatusCode.Created, count.Status);
        var countId = count.Str("countId");
        Assert.Equal(30, count.Body.GetProperty("lines")[0].GetProperty("system").GetInt32());
        await warehouse.Post($"/api/inventory/counts/{countId}/lines", Api.Json(new { lines = new[] { new { sku, counted = 31 } } }));
        var posted = await warehouse.Post($"/api/inventory/counts/{countId}/post");
        Assert.Equal(("posted", 1, 6.25m), (posted.Str("status"), posted.Body.GetProperty("totalVariance").GetInt32(), posted.Body.GetProperty("totalVarianceValue").GetDecimal()));
        (await warehouse.Post($"/api/inventory/counts/{countId}/lines", Api.Json(new { lines = new[] { new { sku, counted = 1 } } })))
            .AssertProblem(HttpStatusCode.Conflict, "count_already_posted");

        var movements = await Eventually(() => warehouse.Get($"/api/skus/{sku}/movements"), r => r.Body.GetProperty("items").GetArrayLength() >= 5);
        var kinds = movements.Body.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["receipt", "adjustment", "transferOut", "transferIn", "countCorrection"], kinds);
        var onHand = (await admin.StockOf(sku)).GetProperty("onHand").GetInt32();
        Assert.Equal(onHand, movements.Body.GetProperty("items").EnumerateArray().Sum(m => m.GetProperty("onHandDelta").GetInt32()));

        var stockCsv = await warehouse.Get("/api/reports/inventory/stock", accept: "text/csv");
        Assert.Contains($"{sku},SH,31,0,31,6.25,193.75", stockCsv.Text, StringComparison.Ordinal);
        var movementReport = await warehouse.Get($"/api/reports/inventory/movements?sku={sku}");
        Assert.Equal(5, movementReport.Body.GetProperty("rows").GetArrayLength());
        Assert.Contains((await warehouse.Get("/api/reports/inventory/counts")).Body.EnumerateArray(), c => c.GetProperty("countId").GetString() == countId);
        Assert.StartsWith("transferId,at,sku", (await warehouse.Get("/api/reports/inventory/transfers", accept: "text/csv")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_stock_raises_an_alert_with_a_reorder_suggestion_listed_for_operations()
    {
        var admin = new Api(fixture.CreateClient());
        var sku = admin.Key("LOW");
        await admin.Put($"/api/skus/{sku}", Api.Json(new { name = "Low", unitPrice = 3m, taxRate = 0.13m, lowStockThreshold = 10 }));
        await admin.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 12 }));
        var customer = await admin.Customer();
        await admin.Post("/api/orders", Api.OrderJson(customer, (sku, 5)));

        var alerts = (await new Api(fixture.CreateClient(), "dev-warehouse").Get("/api/inventory/alerts")).Body.GetProperty("items");
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("sku").GetString() == sku);
        Assert.Equal(7, alert.GetProperty("available").GetInt32());
        Assert.True(alert.GetProperty("suggestedQuantity").GetInt32() >= 3);
    }

    private static async Task<Reply> Eventually(Func<Task<Reply>> read, Func<Reply, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var reply = await read();
            if (done(reply) || DateTime.UtcNow > deadline)
            {
                return reply;
            }

            await Task.Delay(100);
        }
    }
}
