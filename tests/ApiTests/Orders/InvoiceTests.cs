using System.Net;
using OrderActors.Tests.Security;

namespace OrderActors.Tests.Orders;

public sealed class InvoiceTests
{
    [Fact]
    public async Task Invoices_are_numbered_without_gaps_even_when_issued_concurrently_and_refunds_get_credit_notes()
    {
        using var host = new ConfiguredHost("Development");
        var api = new Api(host.CreateClient());
        var finance = new Api(host.CreateClient(), "dev-finance");
        var sku = await api.Sku("INV", 113m, ("SH", 100));
        var customer = await api.Customer();
        var orders = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            orders.Add((await api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId"));
        }

        var issued = await Task.WhenAll(orders.Select(o => finance.Post($"/api/orders/{o}/invoices", Api.Json(new { kind = "paper", title = "Acme Trading Co.", taxId = "91310000MA1FL8XX" }))));
        Assert.All(issued, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var numbers = issued.Select(r => r.Body.GetProperty("invoices")[0].GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToList();
        var year = DateTime.UtcNow.Year;
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"P{year}-{n:000000}"), numbers);

        var again = await finance.Post($"/api/orders/{orders[0]}/invoices", Api.Json(new { kind = "paper", title = "Acme Trading Co." }));
        Assert.Single(again.Body.GetProperty("invoices").EnumerateArray());

        await finance.Post($"/api/orders/{orders[0]}/payments", Api.Json(new { method = "bankTransfer", amount = 113m, externalRef = "B-1" }));
        var refunded = await finance.Post($"/api/orders/{orders[0]}/refunds", Api.Json(new { amount = 13m, reason = "price adjustment" }));
        var credit = refunded.Body.GetProperty("invoices")[1];
        Assert.Equal($"P{year}-000031", credit.GetProperty("number").GetString());
        Assert.Equal(-13m, credit.GetProperty("amount").GetDecimal());
        Assert.Equal(again.Body.GetProperty("invoices")[0].GetProperty("number").GetString(), credit.GetProperty("corrects").GetString());

        var invoice = await finance.Get($"/api/invoices/{numbers[0]}");
        Assert.Equal((113m, 100m, 13m), (invoice.Body.GetProperty("gross").GetDecimal(), invoice.Body.GetProperty("net").GetDecimal(), invoice.Body.GetProperty("tax").GetDecimal()));
        var note = await finance.Get($"/api/invoices/P{year}-000031");
        Assert.True(note.Body.GetProperty("isCreditNote").GetBoolean());
        Assert.Equal(-1.50m, note.Body.GetProperty("tax").GetDecimal());
        var html = await finance.Get($"/api/invoices/{numbers[0]}", accept: "text/html");
        Assert.Equal("text/html", html.ContentType);
        Assert.Contains(numbers[0], html.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Trading Co.", html.Text, StringComparison.Ordinal);
        (await finance.Get($"/api/invoices/X{year}-1")).AssertProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_cancelled_order_is_not_invoiced_and_a_paid_invoiced_order_cancelled_gets_a_credit_note()
    {
        using var host = new ConfiguredHost("Development");
        var api = new Api(host.CreateClient());
        var sku = await api.Sku("INV2", 50m, ("SH", 10));
        var customer = await api.Customer();
        var id = (await api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");
        await api.Post($"/api/orders/{id}/payments", Api.Json(new { method = "card", amount = 50m, externalRef = "C-1" }));
        await api.Post($"/api/orders/{id}/invoices", Api.Json(new { kind = "electronic", title = "Li Lei" }));

        var cancelled = await api.Post($"/api/orders/{id}/cancel");

        Assert.Equal(-50m, cancelled.Body.GetProperty("invoices")[1].GetProperty("amount").GetDecimal());
        var other = (await api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");
        await api.Post($"/api/orders/{other}/cancel");
        (await api.Post($"/api/orders/{other}/invoices", Api.Json(new { kind = "electronic", title = "Li Lei" }))).AssertProblem(HttpStatusCode.Conflict, "invalid_transition");
    }
}
