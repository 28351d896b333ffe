using System.Net;
using OrderActors.Tests.Security;

namespace OrderActors.Tests.Customers;

[Collection(ApiCollection.Name)]
public sealed class ComplaintTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_complaint_goes_from_filing_to_closure_and_back_with_its_history()
    {
        var admin = new Api(fixture.CreateClient());
        var sku = await admin.Sku("COMPLAINED", 10m, ("SH", 5));
        var me = await admin.Customer("me");
        var order = (await admin.Post("/api/orders", Api.OrderJson(me, (sku, 1)))).Str("orderId");
        var customer = new Api(fixture.CreateClient(), $"dev-customer-{me}");
        var clerk = new Api(fixture.CreateClient(), "dev-clerk");

        var filed = await customer.Post($"/api/customers/{me}/complaints", Api.Json(new { category = "delivery", description = "Box arrived crushed", orderId = order, priority = "high" }));
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        var id = filed.Str("complaintId");
        Assert.Equal($"/api/complaints/{id}", filed.Location);
        Assert.Equal("open", filed.Str("status"));
        Assert.False(filed.Body.GetProperty("overdue").GetBoolean());

        (await clerk.Post($"/api/complaints/{id}/close")).AssertProblem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal("wang", (await clerk.Post($"/api/complaints/{id}/assign", Api.Json(new { assignee = "wang" }))).Str("assignee"));
        Assert.Equal("inProgress", (await clerk.Post($"/api/complaints/{id}/start")).Str("status"));
        Assert.Equal("inProgress", (await clerk.Post($"/api/complaints/{id}/start")).Str("status"));
        var resolved = await clerk.Post($"/api/complaints/{id}/resolve", Api.Json(new { note = "Replacement sent" }));
        Assert.Equal(("resolved", "Replacement sent"), (resolved.Str("status"), resolved.Str("resolution")));
        Assert.Equal("closed", (await clerk.Post($"/api/complaints/{id}/close")).Str("status"));
        (await clerk.Post($"/api/complaints/{id}/start")).AssertProblem(HttpStatusCode.Conflict, "invalid_transition");
        var reopened = await clerk.Post($"/api/complaints/{id}/reopen", Api.Json(new { note = "Replacement broken too" }));
        Assert.Equal("open", reopened.Str("status"));
        Assert.Equal(JsonValueKindNull, reopened.Body.GetProperty("resolvedAt").ValueKind);

        var mine = await customer.Get($"/api/complaints/{id}");
        Assert.Equal(["file", "assign", "start", "resolve", "close", "reopen"],
            mine.Body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal($"dev-customer-{me}", mine.Body.GetProperty("history")[0].GetProperty("actor").GetString());
        (await customer.Post($"/api/complaints/{id}/close")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Single((await customer.Get($"/api/customers/{me}/complaints")).Body.GetProperty("items").EnumerateArray());
        var audit = (await admin.Get($"/api/audit?target=complaint:{id}")).Body.GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("complaint.resolve", audit);
        Assert.Contains("complaint.reopen", audit);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Customers_reach_only_their_own_complaints_and_only_about_their_own_orders()
    {
        var admin = new Api(fixture.CreateClient());
        var sku = await admin.Sku("ISOC", 10m, ("SH", 5));
        var me = await admin.Customer("me");
        var them = await admin.Customer("them");
        var theirOrder = (await admin.Post("/api/orders", Api.OrderJson(them, (sku, 1)))).Str("orderId");
        var customer = new Api(fixture.CreateClient(), $"dev-customer-{me}");
        var theirs = (await admin.Post($"/api/customers/{them}/complaints", Api.Json(new { category = "product", description = "x" }))).Str("complaintId");

        (await customer.Get($"/api/complaints/{theirs}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await customer.Post($"/api/customers/{them}/complaints", Api.Json(new { category = "product", description = "x" }))).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await customer.Get($"/api/customers/{them}/complaints")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await customer.Post($"/api/customers/{me}/complaints", Api.Json(new { category = "product", description = "x", orderId = theirOrder })))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "unknown_order");
        (await customer.Post($"/api/customers/{me}/complaints", Api.Json(new { category = "noise", description = "x" })))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Overdue_complaints_are_listed_most_urgent_first_and_by_assignee()
    {
        using var host = new ConfiguredHost("Development", ("Complaints:Sla:Urgent", "00:00:01"), ("Auth:FailuresPerMinute", "100000"));
        var clerk = new Api(host.CreateClient(), "dev-clerk");
        var admin = new Api(host.CreateClient());
        var customer = await admin.Customer("late");
        var urgent = (await admin.Post($"/api/customers/{customer}/complaints", Api.Json(new { category = "payment", description = "charged twice", priority = "urgent" }))).Str("complaintId");
        var normal = (await admin.Post($"/api/customers/{customer}/complaints", Api.Json(new { category = "service", description = "rude" }))).Str("complaintId");
        await clerk.Post($"/api/complaints/{normal}/assign", Api.Json(new { assignee = "li" }));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var overdue = (await clerk.Get("/api/complaints?overdue=true")).Body.GetProperty("items");
        Assert.Equal([urgent], overdue.EnumerateArray().Select(c => c.GetProperty("complaintId").GetString()));
        Assert.True(overdue[0].GetProperty("overdue").GetBoolean());
        var all = (await clerk.Get("/api/complaints?limit=1")).Body;
        Assert.Equal(urgent, all.GetProperty("items")[0].GetProperty("complaintId").GetString());
        var second = await clerk.Get($"/api/complaints?limit=1&cursor={all.GetProperty("nextCursor").GetString()}");
        Assert.Equal(normal, second.Body.GetProperty("items")[0].GetProperty("complaintId").GetString());
        Assert.Equal([normal], (await clerk.Get("/api/complaints?assignee=li")).Body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("complaintId").GetString()));

        var service = (await clerk.Get("/api/reports/customers/service")).Body;
        Assert.Equal(2, service.GetProperty("complaints").GetInt32());
        Assert.Equal(1, service.GetProperty("slaBreaches").GetInt32());
        Assert.Equal(1, service.GetProperty("byCategory").GetProperty("payment").GetInt32());
    }
}
