using System.Globalization;
using System.Net;
using System.Text;
using OrderActors.Tests.Security;

namespace OrderActors.Tests.Orders;

public sealed class ReconciliationTests
{
    [Fact]
    public async Task A_statement_with_every_kind_of_discrepancy_is_classified_correctly()
    {
        using var host = new ConfiguredHost("Development");
        var api = new Api(host.CreateClient());
        var finance = new Api(host.CreateClient(), "dev-finance");
        var sku = await api.Sku("REC", 10m, ("SH", 100));
        var customer = await api.Customer();
        async Task<string> Paid(int quantity, string method, string reference)
        {
            var id = (await api.Post("/api/orders", Api.OrderJson(customer, (sku, quantity)))).Str("orderId");
            Assert.Equal(HttpStatusCode.Created, (await api.Post($"/api/orders/{id}/payments", Api.Json(new { method, amount = quantity * 10m, externalRef = reference }))).Status);
            return id;
        }

        var a1 = await Paid(10, "alipay", "A1");
        await Paid(5, "alipay", "A2");
        await Paid(3, "wechatPay", "W1");
        await Paid(2, "card", "C1");
        await finance.Post($"/api/orders/{a1}/refunds", Api.Json(new { amount = 10m, reason = "damaged" }));

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("date,method,externalRef,amount,type,fee\n")
            .Append($"{today},alipay,A1,100.00,payment,0.60\n")
            .Append($"{today},alipay,A2,45.00,payment,0.27\n")
            .Append($"{today},wechatPay,W9,12.00,payment,0.07\n")
            .Append($"{today},card,C1,20.00,payment,0.12\n")
            .Append($"{today},card,C1,20.00,payment,0.12\n")
            .Append($"{today},alipay,A1,10.00,refund,\n")
            .ToString();

        var imported = await finance.Send(HttpMethod.Post, "/api/reconciliation/statements", csv);
        Assert.Equal(HttpStatusCode.Created, imported.Status);
        Assert.Equal(6, imported.Body.GetProperty("lines").GetInt32());
        var again = await finance.Send(HttpMethod.Post, "/api/reconciliation/statements", csv);
        Assert.Equal((HttpStatusCode.OK, imported.Str("statementId")), (again.Status, again.Str("statementId")));

        var daily = (await finance.Get($"/api/reconciliation/daily/{today}")).Body;
        var items = daily.GetProperty("items").EnumerateArray()
            .ToDictionary(i => $"{i.GetProperty("type").GetString()}:{i.GetProperty("externalRef").GetString()}", i => i.GetProperty("classification").GetString());
        Assert.Equal("matched", items["payment:A1"]);
        Assert.Equal("amountMismatch", items["payment:A2"]);
        Assert.Equal("missingInStatement", items["payment:W1"]);
        Assert.Equal("missingInLedger", items["payment:W9"]);
        Assert.Equal("duplicate", items["payment:C1"]);
        Assert.Equal("matched", items["refund:A1"]);
        var alipay = daily.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "alipay");
        Assert.Equal((140m, 135m, 0.87m), (alipay.GetProperty("ledgerTotal").GetDecimal(), alipay.GetProperty("statementTotal").GetDecimal(), alipay.GetProperty("fees").GetDecimal()));

        var monthly = (await finance.Get($"/api/reconciliation/monthly/{today[..7]}")).Body;
        var card = monthly.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "card");
        Assert.Equal(1, card.GetProperty("duplicate").GetInt32());
        Assert.Contains(monthly.GetProperty("days").EnumerateArray(), d => d.GetProperty("discrepancies").GetInt32() == 4);
        var dailyCsv = await finance.Get($"/api/reconciliation/daily/{today}", accept: "text/csv");
        Assert.Contains("amountMismatch,payment,alipay,A2,50.00,45.00", dailyCsv.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_statement_is_refused_line_by_line_and_imports_nothing()
    {
        using var host = new ConfiguredHost("Development");
        var finance = new Api(host.CreateClient(), "dev-finance");
        var reply = await finance.Send(HttpMethod.Post, "/api/reconciliation/statements", "date,method,externalRef,amount,type\n2026-11-27,bitcoin,X,1.00,payment\n2026-11-27,card,Y,-3,payment\n");
        reply.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(reply.Body.GetProperty("errors").TryGetProperty("line 2", out _));
        Assert.True(reply.Body.GetProperty("errors").TryGetProperty("line 3", out _));
        (await finance.Send(HttpMethod.Post, "/api/reconciliation/statements", "method,amount\ncard,1\n")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty((await finance.Get("/api/reconciliation/daily/2026-11-27")).Body.GetProperty("items").EnumerateArray());
    }
}
