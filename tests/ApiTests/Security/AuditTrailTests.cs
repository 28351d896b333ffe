using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.ApiHost.Audit;

namespace OrderActors.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(ApiFixture fixture)
{
    [Fact]
    public async Task Privileged_actions_are_recorded_with_actor_target_and_outcome()
    {
        var admin = new Api(fixture.CreateClient());
        var clerk = new Api(fixture.CreateClient(), "dev-clerk");
        var finance = new Api(fixture.CreateClient(), "dev-finance");
        var warehouse = new Api(fixture.CreateClient(), "dev-warehouse");
        var sku = await admin.Sku("AUDITED", 3000m, ("SH", 10));
        var customer = await admin.Customer();
        var order = (await admin.Post("/api/orders", Api.OrderJson(customer, (sku, 2)))).Str("orderId");

        Assert.Equal("confirmed", (await clerk.Post($"/api/orders/{order}/review", Api.Json(new { decision = "approve" }))).Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await finance.Post($"/api/orders/{order}/payments", Api.Json(new { method = "card", amount = 9999m, externalRef = "X" }))).Status);
        Assert.Equal(HttpStatusCode.Created, (await finance.Post($"/api/orders/{order}/payments", Api.Json(new { method = "card", amount = 6000m, externalRef = "X" }))).Status);
        Assert.Equal(HttpStatusCode.OK, (await warehouse.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 5 }))).Status);
        Assert.Equal("cancelled", (await clerk.Post($"/api/orders/{order}/cancel", Api.Json(new { reason = "fraud" }))).Str("status"));

        var entries = (await admin.Get($"/api/audit?target=order:{order}")).Body.GetProperty("items").EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString(),
                Outcome: e.GetProperty("outcome").GetString(), Code: e.GetProperty("detail").GetString()))
            .ToList();
        Assert.Equal(4, entries.Count);
        Assert.Contains(("order.review", "dev-clerk", "succeeded", null), entries);
        Assert.Contains(("order.payment", "dev-finance", "refused", "overpayment"), entries);
        Assert.Contains(("order.payment", "dev-finance", "succeeded", null), entries);
        Assert.Equal(("order.cancel", "dev-clerk", "succeeded", (string?)null), entries[0]);

        var receipts = (await admin.Get($"/api/audit?target=sku:{sku}&actor=dev-warehouse")).Body.GetProperty("items");
        Assert.Equal("stock.receipt", receipts[0].GetProperty("action").GetString());
        (await clerk.Get("/api/audit")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await admin.Get("/api/audit?from=2026-02-30")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_receipt_whose_audit_entry_cannot_be_recorded_now_succeeds_once_and_is_recorded_later()
    {
        var (admin, sku) = await ReceiptWhileAuditUnreachable("AUDIT-LATER");

        Assert.Equal(15, (await admin.Get($"/api/skus/{sku}")).Body.GetProperty("stock").GetProperty("onHand").GetInt32());
        var receipts = 0;
        for (var i = 0; i < 100 && receipts == 0; i++)
        {
            await Task.Delay(100);
            receipts = (await admin.Get($"/api/audit?target=sku:{sku}&actor=dev-warehouse")).Body.GetProperty("items").GetArrayLength();
        }

        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task Audit_entries_still_waiting_when_the_host_begins_to_stop_are_tried_once_more_before_it_stops()
    {
        var (admin, sku) = await ReceiptWhileAuditUnreachable("AUDIT-STOP");

        // The background retry waits a second before its first try; the stop does not wait for it. (A stopping host's
        // own retry service is this one: the fixture's host keeps running, so a second one stands in for it.)
        var retry = new AuditRetry(fixture.Services.GetRequiredService<AuditTrail>());
        await retry.StoppingAsync(CancellationToken.None);

        var receipts = (await admin.Get($"/api/audit?target=sku:{sku}&actor=dev-warehouse")).Body.GetProperty("items");
        Assert.Equal(1, receipts.GetArrayLength());
        Assert.Equal("stock.receipt", receipts[0].GetProperty("action").GetString());
    }

    /// <summary>A receipt of 5 into a new SKU of 10 whose audit entry cannot be recorded at once: it waits in the host.</summary>
    private async Task<(Api Admin, string Sku)> ReceiptWhileAuditUnreachable(string name)
    {
        var admin = new Api(fixture.CreateClient());
        var warehouse = new Api(fixture.CreateClient(), "dev-warehouse");
        var sku = await admin.Sku(name, 10m, ("SH", 10));
        using (UnreachableAudit.For($"sku:{sku}"))
        {
            // The receipt is done before its audit entry is written: the entry's failure is not the receipt's.
            Assert.Equal(HttpStatusCode.OK, (await warehouse.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 5 }))).Status);
            Assert.True(UnreachableAudit.Refused($"sku:{sku}") > 0);
        }

        return (admin, sku);
    }
}
