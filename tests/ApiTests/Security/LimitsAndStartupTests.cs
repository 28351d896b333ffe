using System.Net;
using OrderActors.ApiHost.Security;

namespace OrderActors.Tests.Security;

public sealed class LimitsAndStartupTests
{
    [Fact]
    public void The_host_refuses_to_start_with_development_keys_outside_development()
    {
        using var host = new ConfiguredHost("Production", ("Auth:DevelopmentKeys", "true"));
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Development API keys are enabled", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_configured_hashed_keys_work_and_development_keys_do_not()
    {
        using var host = new ConfiguredHost("Production",
            ("Auth:Keys:pos-terminal-7:Hash", ApiKeyStore.Hash("s3cret-pos-key")), ("Auth:Keys:pos-terminal-7:Role", "clerk"));
        var pos = new Api(host.CreateClient(), "s3cret-pos-key");
        var customer = pos.Key("walk-in");
        Assert.Equal(HttpStatusCode.Created, (await pos.Put($"/api/customers/{customer}", Api.Json(new { name = "Walk-in" }))).Status);
        (await pos.Put($"/api/skus/{pos.Key("X")}", "{}")).AssertProblem(HttpStatusCode.Forbidden, "forbidden");
        (await new Api(host.CreateClient(), "dev-admin").Get($"/api/customers/{customer}")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.StartsWith("sha256:", ApiKeyStore.Hash("k"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_retry_after()
    {
        using var host = new ConfiguredHost("Development", ("RateLimits:PermitsPerSecond", "5"), ("RateLimits:Burst", "5"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "dev-clerk");

        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync(new Uri("/api/orders/review-queue", UriKind.Relative))));

        var limited = replies.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited[0].Headers.RetryAfter is not null);
        Assert.Contains("rate_limited", await limited[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Repeated_failed_authentications_from_one_client_are_slowed()
    {
        using var host = new ConfiguredHost("Development", ("Auth:FailuresPerMinute", "3"));
        var guesser = new Api(host.CreateClient(), "guess");
        for (var i = 0; i < 3; i++)
        {
            (await guesser.Get("/api/orders/review-queue")).AssertProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        }

        (await guesser.Get("/api/orders/review-queue")).AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, (await new Api(host.CreateClient(), "dev-clerk").Get("/api/orders/review-queue")).Status);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_cors_is_closed_unless_configured()
    {
        using var closed = new ConfiguredHost("Development");
        using var open = new ConfiguredHost("Development", ("Cors:AllowedOrigins:0", "https://shop.example"));
        foreach (var (host, expectOrigin) in new[] { (closed, false), (open, true) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/review-queue");
            request.Headers.Authorization = new("Bearer", "dev-clerk");
            request.Headers.Add("Origin", "https://shop.example");
            using var response = await host.CreateClient().SendAsync(request);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.Equal(expectOrigin, response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task Unknown_fields_are_400_naming_the_field()
    {
        using var host = new ConfiguredHost("Development");
        var api = new Api(host.CreateClient());
        var reply = await api.Put($"/api/customers/{api.Key("c")}", """{"name":"Li","vip":true}""");
        reply.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(reply.Body.GetProperty("errors").TryGetProperty("vip", out _));
    }
}
