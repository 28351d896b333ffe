using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderActors.ApiHost.Infrastructure;
using Orleans.Runtime;

namespace OrderActors.Tests.Api;

public sealed class FaultHandlerTests
{
    private static async Task<(int Status, JsonElement Body, string? RetryAfter)> Handle(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handled = await new FaultHandler(NullLogger<FaultHandler>.Instance).TryHandleAsync(http, exception, CancellationToken.None);
        Assert.True(handled);
        http.Response.Body.Position = 0;
        var body = JsonDocument.Parse(http.Response.Body).RootElement;
        return (http.Response.StatusCode, body, http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task A_cluster_fault_is_503_unavailable_and_safe_to_retry()
    {
        var (status, body, retryAfter) = await Handle(new SiloUnavailableException("silo gone"));
        Assert.Equal(503, status);
        Assert.Equal("unavailable", body.GetProperty("code").GetString());
        Assert.Equal("1", retryAfter);
        Assert.DoesNotContain("silo gone", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_is_503()
    {
        Assert.Equal(503, (await Handle(new TimeoutException("response timed out"))).Status);
    }

    [Fact]
    public async Task Anything_else_is_a_500_without_internals()
    {
        var (status, body, _) = await Handle(new InvalidOperationException("secret detail at Foo.Bar()"));
        Assert.Equal(500, status);
        Assert.Equal("internal_error", body.GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body.ToString(), StringComparison.Ordinal);
    }
}
