using System.Net;

namespace OrderActors.Tests;

[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _api.Get("/health/live")).Status);
        var ready = await _api.Get("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Text);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_of_the_contract()
    {
        var doc = await _api.Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, doc.Status);
        var paths = doc.Body.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/skus/{sku}", "/api/skus/{sku}/receipts", "/api/customers/{customerId}", "/api/customers/{customerId}/orders",
            "/api/customers/{customerId}/notifications", "/api/orders", "/api/orders/review-queue", "/api/orders/{orderId}",
            "/api/orders/{orderId}/review", "/api/orders/{orderId}/lines", "/api/orders/{orderId}/pick", "/api/orders/{orderId}/pack",
            "/api/orders/{orderId}/ship", "/api/orders/{orderId}/deliver", "/api/orders/{orderId}/complete",
            "/api/orders/{orderId}/cancel", "/api/orders/{orderId}/payments", "/api/notifications", "/api/reports/orders",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.Equal("bearer", doc.Body.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.True(paths.TryGetProperty("/api/audit", out _));
        var place = paths.GetProperty("/api/orders").GetProperty("post");
        Assert.True(place.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task Prometheus_metrics_count_http_requests()
    {
        await _api.Get("/health/live");
        var metrics = await new Api(fixture.CreateClient(), null).Get("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Contains("http_requests_received_total", metrics.Text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interactive_reference_page_is_served()
    {
        var page = await _api.Get("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.ContentType);
        Assert.Contains("openapi/v1.json", page.Text, StringComparison.Ordinal);
    }
}
