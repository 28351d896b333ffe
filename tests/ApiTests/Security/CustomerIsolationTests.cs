using System.Net;

namespace OrderActors.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class CustomerIsolationTests(ApiFixture fixture)
{
    private readonly Api _admin = new(fixture.CreateClient());

    [Fact]
    public async Task A_customer_places_reads_and_lists_only_its_own_orders()
    {
        var sku = await _admin.Sku("ISO", 10m, ("SH", 10));
        var me = await _admin.Customer("me");
        var them = await _admin.Customer("them");
        var mine = new Api(fixture.CreateClient(), $"dev-customer-{me}");

        var placed = await mine.Post("/api/orders", Api.OrderJson(me, (sku, 1)));
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        Assert.Equal($"dev-customer-{me}", placed.Body.GetProperty("history")[0].GetProperty("actor").GetString());
        (await mine.Post("/api/orders", Api.OrderJson(them, (sku, 1)))).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        var theirs = (await _admin.Post("/api/orders", Api.OrderJson(them, (sku, 1)))).Str("orderId");

        Assert.Equal(HttpStatusCode.OK, (await mine.Get($"/api/orders/{placed.Str("orderId")}")).Status);
        (await mine.Get($"/api/orders/{theirs}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await mine.Post($"/api/orders/{theirs}/cancel")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await mine.Get($"/api/customers/{them}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await mine.Get($"/api/customers/{them}/orders")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await mine.Get($"/api/customers/{them}/notifications")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1, (await mine.Get($"/api/customers/{me}/orders")).Body.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await mine.Get($"/api/customers/{me}/notifications")).Status);
        Assert.Equal("confirmed", (await _admin.Get($"/api/orders/{theirs}")).Str("status"));
    }

    [Fact]
    public async Task A_customer_cancels_only_before_picking_and_pays_only_prepaid_orders()
    {
        var sku = await _admin.Sku("ISO2", 10m, ("SH", 10));
        var me = await _admin.Customer("me");
        var mine = new Api(fixture.CreateClient(), $"dev-customer-{me}");
        var prepaid = (await mine.Post("/api/orders", Api.OrderJson(me, (sku, 1)))).Str("orderId");
        var cod = (await mine.Post("/api/orders", Api.OrderJson(me, "cashOnDelivery", "reject", (sku, 1)))).Str("orderId");

        var paid = await mine.Post($"/api/orders/{prepaid}/payments", Api.Json(new { method = "wechatPay", amount = 10m, externalRef = "WX-9" }));
        Assert.Equal(HttpStatusCode.Created, paid.Status);
        (await mine.Post($"/api/orders/{cod}/payments", Api.Json(new { method = "card", amount = 10m, externalRef = "C-9" })))
            .AssertProblem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal("picking", (await _admin.Post($"/api/orders/{cod}/pick")).Str("status"));
        (await mine.Post($"/api/orders/{cod}/cancel")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("picking", (await _admin.Get($"/api/orders/{cod}")).Str("status"));
        Assert.Equal("cancelled", (await mine.Post($"/api/orders/{prepaid}/cancel")).Str("status"));
        Assert.Equal("cancelled", (await new Api(fixture.CreateClient(), "dev-clerk").Post($"/api/orders/{cod}/cancel")).Str("status"));
    }
}
