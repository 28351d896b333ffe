using System.Net;

namespace OrderActors.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class RefundTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    private async Task<(string OrderId, string Sku, string Customer)> PaidOrder(decimal price, int quantity, string paymentTerms = "prepaid")
    {
        var sku = await _api.Sku("REFUND", price, ("SH", 100));
        var customer = await _api.Customer();
        var placed = await _api.Post("/api/orders", Api.OrderJson(customer, paymentTerms, "reject", (sku, quantity)));
        var id = placed.Str("orderId");
        var paid = await _api.Post($"/api/orders/{id}/payments", Api.Json(new { method = "alipay", amount = placed.Body.GetProperty("total").GetDecimal(), externalRef = $"P-{id}" }));
        Assert.Equal(HttpStatusCode.Created, paid.Status);
        return (id, sku, customer);
    }

    [Fact]
    public async Task Fifty_concurrent_refunds_of_ten_on_an_order_paid_a_hundred_let_exactly_ten_through()
    {
        var (id, _, _) = await PaidOrder(50m, 2);
        var finance = new Api(fixture.CreateClient(), "dev-finance");

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            finance.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 10m, reason = "goodwill" }), $"{id}-refund-{i}")));

        Assert.Equal(10, replies.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertProblem(HttpStatusCode.Conflict, "refund_exceeds_paid"));
        var order = (await _api.Get($"/api/orders/{id}")).Body;
        Assert.Equal(100m, order.GetProperty("amountRefunded").GetDecimal());
        Assert.Equal("refunded", order.GetProperty("paymentStatus").GetString());
        Assert.Equal(10, order.GetProperty("refunds").GetArrayLength());
    }

    [Fact]
    public async Task A_partial_refund_with_restock_puts_shipped_goods_back_and_lowers_lifetime_value()
    {
        var (id, sku, customer) = await PaidOrder(30m, 3);
        foreach (var step in new[] { "pick", "pack" })
        {
            await _api.Post($"/api/orders/{id}/{step}");
        }

        (await _api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 30m, reason = "damaged", lines = new[] { new { sku, quantity = 1, restock = true } } })))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        await _api.Post($"/api/orders/{id}/ship", Api.Json(new { carrier = "SF", trackingNumber = "1" }));
        Assert.Equal(97, (await _api.StockOf(sku)).GetProperty("onHand").GetInt32());

        var refunded = await _api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 30m, reason = "damaged", lines = new[] { new { sku, quantity = 1, restock = true } } }));
        Assert.Equal(HttpStatusCode.Created, refunded.Status);
        Assert.Equal("partiallyRefunded", refunded.Str("paymentStatus"));
        Assert.Equal("SH", refunded.Body.GetProperty("refunds")[0].GetProperty("lines")[0].GetProperty("warehouse").GetString());
        Assert.Equal(98, (await _api.StockOf(sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(60m, (await _api.Get($"/api/customers/{customer}")).Body.GetProperty("lifetimeValue").GetDecimal());
        (await _api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 1m, reason = "again", lines = new[] { new { sku, quantity = 3, restock = false } } })))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 60.01m, reason = "too much" })))
            .AssertProblem(HttpStatusCode.Conflict, "refund_exceeds_paid");
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_what_was_paid()
    {
        var (id, _, customer) = await PaidOrder(40m, 1);

        var cancelled = await _api.Post($"/api/orders/{id}/cancel", Api.Json(new { reason = "changed mind" }));

        Assert.Equal(("cancelled", "refunded"), (cancelled.Str("status"), cancelled.Str("paymentStatus")));
        Assert.Equal(40m, cancelled.Body.GetProperty("amountRefunded").GetDecimal());
        Assert.Equal("order cancelled", cancelled.Body.GetProperty("refunds")[0].GetProperty("reason").GetString());
        Assert.Equal(0m, (await _api.Get($"/api/customers/{customer}")).Body.GetProperty("lifetimeValue").GetDecimal());
    }

    [Fact]
    public async Task Nothing_paid_means_nothing_to_refund()
    {
        var sku = await _api.Sku("UNPAID", 10m, ("SH", 5));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");
        (await _api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 1m, reason = "x" }))).AssertProblem(HttpStatusCode.Conflict, "refund_exceeds_paid");
    }
}
