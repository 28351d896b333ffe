using System.Net;
using OrderActors.Tests.Security;

namespace OrderActors.Tests.Customers;

public sealed class CustomerServiceTests
{
    [Fact]
    public async Task A_clerk_sees_profile_segment_and_every_contact_newest_first()
    {
        using var host = new ConfiguredHost("Development");
        var clerk = new Api(host.CreateClient(), "dev-clerk");
        var admin = new Api(host.CreateClient());
        var sku = await admin.Sku("SRV", 100m, ("SH", 10));
        var id = clerk.Key("c");
        var put = await clerk.Put($"/api/customers/{id}", Api.Json(new
        {
            name = "Li Lei",
            tags = new[] { "wholesale", "north" },
            addresses = new[] { new { label = "home", line1 = "1 Huaihai Rd", city = "Shanghai", country = "CN" } },
        }));
        Assert.Equal(HttpStatusCode.Created, put.Status);
        Assert.Equal("prospect", put.Str("segment"));
        await admin.Post("/api/orders", Api.OrderJson(id, (sku, 2)));

        var profile = await clerk.Get($"/api/customers/{id}");
        Assert.Equal(("new", 1, "Shanghai"), (profile.Str("segment"), profile.Body.GetProperty("orderCount").GetInt32(),
            profile.Body.GetProperty("addresses")[0].GetProperty("city").GetString()));
        Assert.StartsWith("first order 0 days ago", profile.Str("segmentReason"), StringComparison.Ordinal);
        Assert.Equal(1, profile.Body.GetProperty("channelMix").GetProperty("web").GetInt32());

        for (var i = 1; i <= 3; i++)
        {
            var record = await clerk.Post($"/api/customers/{id}/service-records", Api.Json(new { channel = "phone", summary = $"call {i}" }));
            Assert.Equal(HttpStatusCode.Created, record.Status);
            Assert.Equal("dev-clerk", record.Str("actor"));
        }

        var first = await clerk.Get($"/api/customers/{id}/service-records?limit=2");
        Assert.Equal(["call 3", "call 2"], first.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("summary").GetString()));
        var rest = await clerk.Get($"/api/customers/{id}/service-records?limit=2&cursor={first.Body.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["call 1"], rest.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("summary").GetString()));

        var pinned = await clerk.Send(HttpMethod.Put, $"/api/customers/{id}/segment-override", Api.Json(new { segment = "vip", reason = "key account" }));
        Assert.Equal(("vip", "dev-clerk"), (pinned.Str("segment"), pinned.Str("segmentOverriddenBy")));
        (await clerk.Send(HttpMethod.Put, $"/api/customers/{id}/segment-override", Api.Json(new { segment = "gold", reason = "x" })))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("new", (await clerk.Send(HttpMethod.Delete, $"/api/customers/{id}/segment-override")).Str("segment"));
    }

    [Fact]
    public async Task Customer_reports_agree_with_a_recount_of_the_customers()
    {
        using var host = new ConfiguredHost("Development");
        var admin = new Api(host.CreateClient());
        var sku = await admin.Sku("RPT", 1500m, ("SH", 500));
        var random = new Random(7);
        var ids = new List<string>();
        for (var c = 0; c < 12; c++)
        {
            var id = await admin.Customer($"r{c}");
            ids.Add(id);
            var orders = random.Next(0, 7);
            for (var o = 0; o < orders; o++)
            {
                var placed = await admin.Post("/api/orders", Api.OrderJson(id, c % 3 == 0 ? "cashOnDelivery" : "prepaid", "reject", (sku, random.Next(1, 3))));
                var orderId = placed.Str("orderId");
                if (random.Next(3) == 0)
                {
                    await admin.Post($"/api/orders/{orderId}/cancel");
                }
                else if (random.Next(2) == 0)
                {
                    await admin.Post($"/api/orders/{orderId}/payments", Api.Json(new { method = "card", amount = placed.Body.GetProperty("total").GetDecimal(), externalRef = orderId }));
                }
            }
        }

        var profiles = new List<System.Text.Json.JsonElement>();
        foreach (var id in ids)
        {
            profiles.Add((await admin.Get($"/api/customers/{id}")).Body);
        }

        var segments = (await admin.Get("/api/reports/customers/segments")).Body.GetProperty("segments").EnumerateArray()
            .ToDictionary(s => s.GetProperty("segment").GetString()!, s => (Count: s.GetProperty("customers").GetInt32(), Value: s.GetProperty("lifetimeValue").GetDecimal()));
        foreach (var group in profiles.GroupBy(p => p.GetProperty("segment").GetString()!))
        {
            Assert.Equal(group.Count(), segments[group.Key].Count);
            Assert.Equal(group.Sum(p => p.GetProperty("lifetimeValue").GetDecimal()), segments[group.Key].Value);
        }

        var behaviour = (await admin.Get("/api/reports/customers/behaviour")).Body;
        var buyers = profiles.Where(p => p.GetProperty("orderCount").GetInt32() > 0).ToList();
        Assert.Equal(ids.Count, behaviour.GetProperty("customers").GetInt32());
        Assert.Equal(buyers.Count, behaviour.GetProperty("customersWithOrders").GetInt32());
        Assert.Equal(buyers.Sum(p => p.GetProperty("orderCount").GetInt32()), behaviour.GetProperty("orders").GetInt32());
        Assert.Equal(Math.Round((decimal)buyers.Count(p => p.GetProperty("orderCount").GetInt32() >= 2) / buyers.Count, 4), behaviour.GetProperty("repeatRate").GetDecimal());
        var top = profiles.OrderByDescending(p => p.GetProperty("lifetimeValue").GetDecimal()).First();
        Assert.Equal(top.GetProperty("lifetimeValue").GetDecimal(), behaviour.GetProperty("topCustomers")[0].GetProperty("lifetimeValue").GetDecimal());

        var csv = await admin.Get("/api/reports/customers/segments", accept: "text/csv");
        Assert.Equal("text/csv", csv.ContentType);
        Assert.StartsWith("kind,segment,fromSegment,toSegment,customers,lifetimeValue", csv.Text, StringComparison.Ordinal);
        Assert.Contains("movement,,prospect,new,", csv.Text, StringComparison.Ordinal);
    }
}
