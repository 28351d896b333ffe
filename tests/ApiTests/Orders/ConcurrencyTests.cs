using System.Net;

namespace OrderActors.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    [Fact]
    public async Task A_thousand_parallel_single_unit_orders_for_a_hundred_units_confirm_exactly_a_hundred()
    {
        var sku = await _api.Sku("FLASH", 9.90m, ("SH", 100));
        var customers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _api.Customer($"buyer{i}")));

        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            _api.Post("/api/orders", Api.OrderJson(customers[i % customers.Length], (sku, 1)))));

        Assert.Equal(100, replies.Count(r => r.Status == HttpStatusCode.Created && r.Str("status") == "confirmed"));
        Assert.Equal(900, replies.Count(r => r.Status == HttpStatusCode.Conflict && r.Code == "out_of_stock"));
        var stock = await _api.StockOf(sku);
        Assert.Equal(100, stock.GetProperty("reserved").GetInt32());
        Assert.Equal(0, stock.GetProperty("available").GetInt32());
        var orders = 0;
        foreach (var customer in customers)
        {
            orders += (await _api.Get($"/api/customers/{customer}")).Body.GetProperty("orderCount").GetInt32();
        }

        Assert.Equal(100, orders);
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_idempotency_key_make_one_order()
    {
        var sku = await _api.Sku("RETRY", 5m, ("SH", 100));
        var customer = await _api.Customer();
        var key = _api.Key("same");
        var body = Api.OrderJson(customer, (sku, 3));

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _api.Post("/api/orders", body, key)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(replies.Select(r => r.Str("orderId")).Distinct());
        Assert.Equal(3, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
        Assert.Equal(1, (await _api.Get($"/api/customers/{customer}")).Body.GetProperty("orderCount").GetInt32());
    }

    [Fact]
    public async Task Parallel_cancels_and_receipts_never_drive_a_quantity_negative()
    {
        var sku = await _api.Sku("CHURN", 1m, ("SH", 60), ("BJ", 40));
        var customer = await _api.Customer();
        var ids = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            ids.Add((await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId"));
        }

        var work = ids.SelectMany(id => new[] { _api.Post($"/api/orders/{id}/cancel"), _api.Post($"/api/orders/{id}/cancel") })
            .Concat(Enumerable.Range(0, 40).Select(i => _api.Post($"/api/skus/{sku}/receipts",
                Api.Json(new { warehouse = i % 2 == 0 ? "SH" : "BJ", quantity = 1 }))))
            .Concat(Enumerable.Range(0, 80).Select(_ => _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))));
        var replies = await Task.WhenAll(work);

        Assert.DoesNotContain(replies, r => (int)r.Status >= 500);
        var stock = await _api.StockOf(sku);
        Assert.Equal(140, stock.GetProperty("onHand").GetInt32());
        var confirmedLater = replies.Count(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(confirmedLater, stock.GetProperty("reserved").GetInt32());
        foreach (var w in stock.GetProperty("warehouses").EnumerateArray())
        {
            Assert.InRange(w.GetProperty("reserved").GetInt32(), 0, w.GetProperty("onHand").GetInt32());
            Assert.True(w.GetProperty("available").GetInt32() >= 0);
        }
    }
}
