using System.Globalization;
using System.Net;
using System.Text;

namespace OrderActors.Tests.Orders;

/// <summary>Every row of API.md's error table that applies before authentication lands.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorTableTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    [Fact]
    public async Task Malformed_json_is_400_validation_failed()
    {
        (await _api.Post("/api/orders", "{\"customerId\": ")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Missing_fields_are_400_with_errors_by_field()
    {
        var reply = await _api.Post("/api/orders", "{}");
        reply.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = reply.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _));
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task Unknown_order_sku_and_customer_are_404()
    {
        (await _api.Get($"/api/orders/{_api.Key("none")}")).AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"/api/skus/{_api.Key("none")}")).AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"/api/customers/{_api.Key("none")}")).AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get($"/api/customers/{_api.Key("none")}/orders")).AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post($"/api/orders/{_api.Key("none")}/pick")).AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Post($"/api/skus/{_api.Key("none")}/receipts", Api.Json(new { warehouse = "SH", quantity = 1 })))
            .AssertProblem(HttpStatusCode.NotFound, "not_found");
        (await _api.Get("/api/no-such-route")).AssertProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Our_problems_go_out_whole_with_their_length_and_a_trace_id_and_a_bare_status_still_gets_one()
    {
        var reply = await _api.Post("/api/orders", Api.OrderJson(await _api.Customer(), (_api.Key("none"), 1)));
        reply.AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        Assert.Equal(Encoding.UTF8.GetByteCount(reply.Text).ToString(CultureInfo.InvariantCulture), reply.SentLength);
        Assert.Equal("https://orderactors.dev/problems/unknown-sku", reply.Str("type"));
        Assert.StartsWith("00-", reply.Str("traceId"), StringComparison.Ordinal);

        var bare = await _api.Get("/api/no-such-route");
        bare.AssertProblem(HttpStatusCode.NotFound, "not_found");
        Assert.StartsWith("00-", bare.Str("traceId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_stock_is_409_naming_the_short_skus()
    {
        var sku = await _api.Sku("SHORT", 1m, ("SH", 1));
        var customer = await _api.Customer();
        var reply = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 2)));
        reply.AssertProblem(HttpStatusCode.Conflict, "out_of_stock");
        Assert.Equal(sku, reply.Body.GetProperty("skus")[0].GetString());
        Assert.Equal(0, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Overpayment_and_a_wrong_transition_are_409()
    {
        var sku = await _api.Sku("OVER", 10m, ("SH", 5));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");

        (await _api.Post($"/api/orders/{id}/payments", Api.Json(new { method = "card", amount = 10.01m, externalRef = "X" })))
            .AssertProblem(HttpStatusCode.Conflict, "overpayment");
        (await _api.Post($"/api/orders/{id}/ship", Api.Json(new { carrier = "SF", trackingNumber = "1" })))
            .AssertProblem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal(0m, (await _api.Get($"/api/orders/{id}")).Body.GetProperty("amountPaid").GetDecimal());
    }

    [Fact]
    public async Task A_payment_recorded_twice_is_one_payment()
    {
        var sku = await _api.Sku("TWICE", 10m, ("SH", 5));
        var customer = await _api.Customer();
        var id = (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");
        var body = Api.Json(new { method = "wechatPay", amount = 4m, externalRef = "WX-1" });

        Assert.Equal(HttpStatusCode.Created, (await _api.Post($"/api/orders/{id}/payments", body)).Status);
        var again = await _api.Post($"/api/orders/{id}/payments", body);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(1, again.Body.GetProperty("payments").GetArrayLength());
        Assert.Equal(6m, again.Body.GetProperty("balanceDue").GetDecimal());
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_413()
    {
        var customer = await _api.Customer();
        var huge = Api.Json(new { customerId = customer, channel = "web", lines = new[] { new { sku = new string('A', 2 * 1024 * 1024), quantity = 1 } } });
        (await _api.Post("/api/orders", huge)).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await _api.Post("/api/orders", huge, idempotencyKey: _api.Key("big"))).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Unknown_sku_and_customer_are_422()
    {
        var sku = await _api.Sku("KNOWN", 1m, ("SH", 1));
        var customer = await _api.Customer();
        var unknownSku = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1), (_api.Key("GHOST"), 1)));
        unknownSku.AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        Assert.Equal(_api.Key("GHOST"), unknownSku.Body.GetProperty("skus")[0].GetString());
        (await _api.Post("/api/orders", Api.OrderJson(_api.Key("ghost"), (sku, 1)))).AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown_customer");
        Assert.Equal(0, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_body_is_422_and_the_same_body_replays()
    {
        var sku = await _api.Sku("IDEM", 1m, ("SH", 10));
        var customer = await _api.Customer();
        var key = _api.Key("key");

        var first = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)), key);
        var replay = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)), key);
        var other = await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 2)), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(first.Text, replay.Text);
        Assert.Equal(first.Location, replay.Location);
        other.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(1, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task A_refused_placement_replays_its_refusal()
    {
        var sku = await _api.Sku("IDEMSHORT", 1m, ("SH", 1));
        var customer = await _api.Customer();
        var key = _api.Key("short");
        (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 5)), key)).AssertProblem(HttpStatusCode.Conflict, "out_of_stock");
        await _api.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 10 }));
        (await _api.Post("/api/orders", Api.OrderJson(customer, (sku, 5)), key)).AssertProblem(HttpStatusCode.Conflict, "out_of_stock");
    }

    [Fact]
    public async Task An_invalid_idempotency_key_is_400()
    {
        var long101 = new string('k', 101);
        (await _api.Post("/api/orders", "{}", long101)).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_400()
    {
        var customer = await _api.Customer();
        (await _api.Get($"/api/customers/{customer}/orders?limit=lots")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Get($"/api/customers/{customer}/orders?status=lost")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Get("/api/reports/orders?granularity=week")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await _api.Get("/api/reports/orders?from=2026-12-01&to=2026-11-01")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
