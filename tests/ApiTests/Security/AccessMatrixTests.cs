using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderActors.Tests.Security;

/// <summary>
/// Every route under /api × every kind of caller. The expectations are written here, apart from the
/// host's own table, and every route the host maps must have a row: a new route without one fails.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(ApiFixture fixture)
{
    // A admin, C clerk, W warehouse, F finance, O the customer who owns the data, X another customer.
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["GET /api/skus/{sku}"] = "ACWFOX",
        ["PUT /api/skus/{sku}"] = "AW",
        ["POST /api/skus/{sku}/receipts"] = "AW",
        ["PUT /api/customers/{customerId}"] = "AC",
        ["GET /api/customers/{customerId}"] = "ACFO",
        ["GET /api/customers/{customerId}/orders"] = "ACFO",
        ["GET /api/customers/{customerId}/notifications"] = "ACO",
        ["PUT /api/customers/{customerId}/segment-override"] = "AC",
        ["DELETE /api/customers/{customerId}/segment-override"] = "AC",
        ["POST /api/customers/{customerId}/service-records"] = "AC",
        ["GET /api/customers/{customerId}/service-records"] = "AC",
        ["POST /api/customers/{customerId}/complaints"] = "ACO",
        ["GET /api/customers/{customerId}/complaints"] = "ACO",
        ["GET /api/complaints"] = "AC",
        ["GET /api/complaints/{complaintId}"] = "ACO",
        ["POST /api/complaints/{complaintId}/assign"] = "AC",
        ["POST /api/complaints/{complaintId}/start"] = "AC",
        ["POST /api/complaints/{complaintId}/resolve"] = "AC",
        ["POST /api/complaints/{complaintId}/close"] = "AC",
        ["POST /api/complaints/{complaintId}/reopen"] = "AC",
        ["GET /api/reports/customers/segments"] = "ACF",
        ["GET /api/reports/customers/behaviour"] = "ACF",
        ["GET /api/reports/customers/service"] = "AC",
        ["POST /api/orders"] = "ACO",
        ["GET /api/orders/review-queue"] = "AC",
        ["GET /api/orders/{orderId}"] = "ACWFO",
        ["POST /api/orders/{orderId}/review"] = "AC",
        ["PUT /api/orders/{orderId}/lines"] = "ACO",
        ["POST /api/orders/{orderId}/pick"] = "AW",
        ["POST /api/orders/{orderId}/pack"] = "AW",
        ["POST /api/orders/{orderId}/ship"] = "AW",
        ["POST /api/orders/{orderId}/deliver"] = "AW",
        ["POST /api/orders/{orderId}/complete"] = "ACO",
        ["POST /api/orders/{orderId}/cancel"] = "ACO",
        ["POST /api/orders/{orderId}/payments"] = "AFO",
        ["POST /api/orders/{orderId}/refunds"] = "AF",
        ["POST /api/orders/{orderId}/invoices"] = "AF",
        ["GET /api/invoices/{number}"] = "AF",
        ["GET /api/ledger/accounts"] = "AF",
        ["GET /api/ledger/trial-balance"] = "AF",
        ["GET /api/ledger/journal"] = "AF",
        ["POST /api/reconciliation/statements"] = "AF",
        ["GET /api/reconciliation/daily/{date}"] = "AF",
        ["GET /api/reconciliation/monthly/{month}"] = "AF",
        ["GET /api/skus/{sku}/movements"] = "AWF",
        ["POST /api/inventory/adjustments"] = "AW",
        ["POST /api/inventory/transfers"] = "AW",
        ["GET /api/inventory/transfers"] = "AWF",
        ["GET /api/inventory/alerts"] = "ACW",
        ["POST /api/inventory/counts"] = "AW",
        ["GET /api/inventory/counts/{countId}"] = "AWF",
        ["POST /api/inventory/counts/{countId}/lines"] = "AW",
        ["POST /api/inventory/counts/{countId}/post"] = "AW",
        ["GET /api/reports/inventory/stock"] = "AWF",
        ["GET /api/reports/inventory/movements"] = "AWF",
        ["GET /api/reports/inventory/transfers"] = "AWF",
        ["GET /api/reports/inventory/counts"] = "AWF",
        ["GET /api/notifications"] = "ACW",
        ["GET /api/reports/orders"] = "ACF",
        ["GET /api/audit"] = "A",
    };

    private static readonly Dictionary<char, string> Callers = new()
    {
        ['A'] = "dev-admin", ['C'] = "dev-clerk", ['W'] = "dev-warehouse", ['F'] = "dev-finance",
    };

    [Fact]
    public void Every_api_route_the_host_maps_has_an_expectation_here()
    {
        var mapped = Routes().ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, route => Assert.True(Allowed.ContainsKey(route), $"no access expectation for {route}"));
        Assert.All(Allowed.Keys, route => Assert.Contains(route, mapped));
    }

    public static TheoryData<string> Rows() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_caller_gets_what_the_matrix_says(string route)
    {
        var admin = new Api(fixture.CreateClient());
        var sku = await admin.Sku("MATRIX", 10m, ("SH", 50));
        var own = await admin.Customer("own");
        var other = await admin.Customer("other");
        var order = (await admin.Post("/api/orders", Api.OrderJson(own, (sku, 1)))).Str("orderId");
        var count = (await admin.Post("/api/inventory/counts", Api.Json(new { warehouse = "SH", skus = new[] { sku } }))).Str("countId");
        var complaint = (await admin.Post($"/api/customers/{own}/complaints", Api.Json(new { category = "delivery", description = "late" }))).Str("complaintId");
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var path = template.Replace("{sku}", sku, StringComparison.Ordinal).Replace("{customerId}", own, StringComparison.Ordinal)
            .Replace("{orderId}", order, StringComparison.Ordinal).Replace("{complaintId}", complaint, StringComparison.Ordinal)
            .Replace("{countId}", count, StringComparison.Ordinal)
            .Replace("{number}", "E2026-000001", StringComparison.Ordinal).Replace("{date}", "2026-11-27", StringComparison.Ordinal)
            .Replace("{month}", "2026-11", StringComparison.Ordinal);
        var body = method == "GET" ? null : route == "POST /api/orders" ? Api.OrderJson(own, (sku, 1)) : "{}";

        var keys = new Dictionary<char, string?>(Callers.Select(c => KeyValuePair.Create(c.Key, (string?)c.Value)))
        {
            ['O'] = $"dev-customer-{own}",
            ['X'] = $"dev-customer-{other}",
        };
        foreach (var (caller, key) in keys)
        {
            var reply = await new Api(fixture.CreateClient(), key).Send(new HttpMethod(method), path, body);
            if (Allowed[route].Contains(caller, StringComparison.Ordinal))
            {
                Assert.True(reply.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{caller} ({key}) should reach {route}, got {(int)reply.Status}: {reply.Text}");
            }
            else
            {
                reply.AssertProblem(HttpStatusCode.Forbidden, "forbidden");
            }
        }

        (await new Api(fixture.CreateClient(), null).Send(new HttpMethod(method), path, body)).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        (await new Api(fixture.CreateClient(), "not-a-key").Send(new HttpMethod(method), path, body)).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Health_openapi_and_the_reference_page_need_no_key()
    {
        var anonymous = new Api(fixture.CreateClient(), null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/openapi/v1.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/scalar/v1")).Status);
    }

    private IEnumerable<string> Routes() =>
        fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct();
}
