using System.Net;

namespace OrderActors.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class LifecycleTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    [Fact]
    public async Task An_order_goes_from_placement_to_settled_over_http()
    {
        var tea = await _api.Sku("TEA", 199.00m, ("SH", 100), ("BJ", 20));
        var cup = await _api.Sku("CUP", 29.90m, ("SH", 10));
        var customer = await _api.Customer();

        var placed = await _api.Post("/api/orders", Api.OrderJson(customer, (tea, 2), (cup, 1)), idempotencyKey: _api.Key("place"));
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        var id = placed.Str("orderId");
        Assert.Equal($"/api/orders/{id}", placed.Location);
        Assert.Equal("confirmed", placed.Str("status"));
        Assert.Equal("unpaid", placed.Str("paymentStatus"));
        Assert.Equal(427.90m, placed.Body.GetProperty("total").GetDecimal());
        Assert.Equal(49.23m, placed.Body.GetProperty("tax").GetDecimal());
        Assert.Equal(427.90m, placed.Body.GetProperty("balanceDue").GetDecimal());
        Assert.Equal("auto-approved", placed.Body.GetProperty("history")[0].GetProperty("note").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", placed.Str("createdAt"));
        Assert.Equal(2, (await _api.StockOf(tea)).GetProperty("reserved").GetInt32());

        (await _api.Post($"/api/orders/{id}/pick")).AssertProblem(HttpStatusCode.Conflict, "payment_required");
        var paid = await _api.Post($"/api/orders/{id}/payments", Api.Json(new { method = "alipay", amount = 427.90m, externalRef = _api.Key("ALI") }));
        Assert.Equal(HttpStatusCode.Created, paid.Status);
        Assert.Equal("paid", paid.Str("paymentStatus"));

        foreach (var (step, status) in new[] { ("pick", "picking"), ("pack", "packed") })
        {
            var reply = await _api.Post($"/api/orders/{id}/{step}");
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Equal(status, reply.Str("status"));
        }

        var shipped = await _api.Post($"/api/orders/{id}/ship", Api.Json(new { carrier = "SF", trackingNumber = "SF123", warehouse = "SH" }));
        Assert.Equal("shipped", shipped.Str("status"));
        Assert.Equal("SF123", shipped.Body.GetProperty("shipment").GetProperty("trackingNumber").GetString());
        var stock = await _api.StockOf(tea);
        Assert.Equal((118, 0), (stock.GetProperty("onHand").GetInt32(), stock.GetProperty("reserved").GetInt32()));

        Assert.Equal("delivered", (await _api.Post($"/api/orders/{id}/deliver")).Str("status"));
        var completed = await _api.Post($"/api/orders/{id}/complete");
        Assert.Equal("settled", completed.Str("status"));
        Assert.Equal("settled", (await _api.Get($"/api/orders/{id}")).Str("status"));

        var notices = (await _api.Get($"/api/customers/{customer}/notifications")).Body.GetProperty("items");
        Assert.Contains(notices.EnumerateArray(), n => n.GetProperty("kind").GetString() == "shippingNotice"
            && n.GetProperty("data").GetProperty("trackingNumber").GetString() == "SF123");
        Assert.Contains(notices.EnumerateArray(), n => n.GetProperty("kind").GetString() == "orderConfirmation");

        var history = (await _api.Get($"/api/customers/{customer}/orders")).Body.GetProperty("items");
        Assert.Equal(id, history[0].GetProperty("orderId").GetString());
        Assert.Equal("settled", history[0].GetProperty("status").GetString());
        var profile = await _api.Get($"/api/customers/{customer}");
        Assert.Equal(1, profile.Body.GetProperty("orderCount").GetInt32());
        Assert.Equal(427.90m, profile.Body.GetProperty("lifetimeValue").GetDecimal());
    }

    [Fact]
    public async Task Repeating_a_lifecycle_call_returns_the_order_and_a_wrong_one_names_the_status()
    {
        var sku = await _api.Sku("REPEAT", 5m, ("SH", 10));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, "cashOnDelivery", "reject", (sku, 1)))).Str("orderId");

        Assert.Equal("picking", (await _api.Post($"/api/orders/{id}/pick")).Str("status"));
        Assert.Equal("picking", (await _api.Post($"/api/orders/{id}/pick")).Str("status"));
        var wrong = await _api.Post($"/api/orders/{id}/deliver");
        wrong.AssertProblem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal("picking", wrong.Str("currentStatus"));
    }

    [Fact]
    public async Task Manual_review_queue_approve_and_reject_then_modify_and_resubmit()
    {
        var sku = await _api.Sku("REVIEWED", 3000m, ("SH", 10));
        var customer = await _api.Customer();

        var big = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 2)));
        Assert.Equal(HttpStatusCode.Created, big.Status);
        Assert.Equal("pendingReview", big.Str("status"));
        var id = big.Str("orderId");
        var queue = (await _api.Get("/api/orders/review-queue?limit=200")).Body.GetProperty("items");
        Assert.Contains(queue.EnumerateArray(), i => i.GetProperty("orderId").GetString() == id);

        Assert.Equal("rejected", (await _api.Post($"/api/orders/{id}/review", Api.Json(new { decision = "reject", reason = "limit" }))).Str("status"));
        var modified = await _api.Send(HttpMethod.Put, $"/api/orders/{id}/lines", Api.Json(new { lines = new[] { new { sku, quantity = 1 } } }));
        Assert.Equal("confirmed", modified.Str("status"));
        Assert.Equal(3000m, modified.Body.GetProperty("total").GetDecimal());
        Assert.Equal(1, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
        queue = (await _api.Get("/api/orders/review-queue?limit=200")).Body.GetProperty("items");
        Assert.DoesNotContain(queue.EnumerateArray(), i => i.GetProperty("orderId").GetString() == id);
    }

    [Fact]
    public async Task A_backorder_is_filled_by_a_receipt_and_operations_hear_of_it()
    {
        var sku = await _api.Sku("LATER", 10m);
        var customer = await _api.Customer();
        var placed = await _api.Post("/api/orders", Api.OrderJson(customer, "prepaid", "backorder", (sku, 3)));
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        Assert.Equal("awaitingStock", placed.Str("status"));

        var receipt = await _api.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 5, reference = "PO-77" }));
        Assert.Equal(3, receipt.Body.GetProperty("stock").GetProperty("reserved").GetInt32());
        Assert.Equal("confirmed", (await _api.Get($"/api/orders/{placed.Str("orderId")}")).Str("status"));

        var ops = (await _api.Get("/api/notifications?limit=1000")).Body.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("sku").GetString() == sku).Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("shortage", ops);
        Assert.Contains("replenishment", ops);
    }

    [Fact]
    public async Task Cancelling_releases_stock_and_the_order_report_counts_it()
    {
        var sku = await _api.Sku("UNDONE", 10m, ("SH", 5));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 2)))).Str("orderId");

        var cancelled = await _api.Post($"/api/orders/{id}/cancel", Api.Json(new { reason = "changed mind" }));
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal(0, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
        Assert.Equal("cancelled", (await _api.Post($"/api/orders/{id}/cancel")).Str("status"));

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await Eventually(async () => await _api.Get($"/api/reports/orders?granularity=day&from={today}&to={today}"),
            r => r.Body.GetProperty("totals").GetProperty("cancelled").GetInt32() >= 1);
        Assert.Equal(today, report.Body.GetProperty("buckets")[0].GetProperty("period").GetString());
        var csv = await _api.Get($"/api/reports/orders?granularity=year&from={today}&to={today}", accept: "text/csv");
        Assert.Equal("text/csv", csv.ContentType);
        Assert.StartsWith("period,channel,placed", csv.Text);
        Assert.Contains($"{today[..4]},web,", csv.Text);
    }

    [Fact]
    public async Task Delivered_orders_complete_by_themselves_after_the_configured_time()
    {
        var sku = await _api.Sku("AUTO", 10m, ("SH", 5));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, "cashOnDelivery", "reject", (sku, 1)))).Str("orderId");
        await _api.Post($"/api/orders/{id}/pick");
        await _api.Post($"/api/orders/{id}/pack");
        await _api.Post($"/api/orders/{id}/ship", Api.Json(new { carrier = "SF", trackingNumber = "SF9" }));
        Assert.Equal("delivered", (await _api.Post($"/api/orders/{id}/deliver")).Str("status"));

        var order = await Eventually(() => _api.Get($"/api/orders/{id}"), r => r.Str("status") == "completed", seconds: 30);
        Assert.Equal("completed", order.Str("status"));
        Assert.Equal("system", order.Body.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString());
    }

    internal static async Task<Reply> Eventually(Func<Task<Reply>> read, Func<Reply, bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
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
