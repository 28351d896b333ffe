using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrderActors.Bench;

/// <summary>
/// The HTTP calls the workloads make; the same paths on OrderActors and on the baseline. Sent through
/// <see cref="LeanHttp"/>, or through HttpClient when <paramref name="client"/> is <see cref="HttpClientKind.HttpClient"/>
/// (the generator of the runs before 2026-12-07, evening: about three times its CPU per request).
/// </summary>
public sealed class Api(Uri baseAddress, string apiKey, int connections, HttpClientKind client = HttpClientKind.Lean) : IDisposable
{
    private readonly LeanHttp? _lean = client == HttpClientKind.Lean ? new(baseAddress, apiKey, connections) : null;
    private readonly HttpClient? _http = client == HttpClientKind.HttpClient
        ? new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
        }
        : null;

    public async Task<HttpStatusCode> Send(HttpMethod method, string path, object? body = null) =>
        (await Exchange(method, path, body, wantBody: false)).Status;

    /// <summary>Like <see cref="Send"/>, with the response body when it is JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendJson(HttpMethod method, string path, object? body = null)
    {
        var (status, bytes, mediaType) = await Exchange(method, path, body, wantBody: true);
        return (status, mediaType?.Contains("json", StringComparison.Ordinal) == true && bytes is { Length: > 0 }
            ? JsonDocument.Parse(bytes).RootElement.Clone()
            : null);
    }

    private async Task<(HttpStatusCode Status, byte[]? Body, string? MediaType)> Exchange(HttpMethod method, string path, object? body, bool wantBody)
    {
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        if (_lean is not null)
        {
            var answer = await _lean.Send(method, path, json, wantBody);
            return (answer.Status, answer.Body, answer.MediaType);
        }

        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        }

        using var response = await _http!.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, wantBody ? bytes : null, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A prepaid order; the created order's id and total when it was accepted.</summary>
    public async Task<(HttpStatusCode Status, string? OrderId, decimal Total)> PlacePrepaid(string customerId, IEnumerable<(string Sku, int Quantity)> lines)
    {
        var (status, body) = await SendJson(HttpMethod.Post, "/api/orders",
            new { customerId, channel = "web", paymentTerms = "prepaid", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });
        return status == HttpStatusCode.Created && body is { } order
            ? (status, order.GetProperty("orderId").GetString(), order.GetProperty("total").GetDecimal())
            : (status, null, 0m);
    }

    public async Task<JsonElement> Get(string path)
    {
        var (status, body) = await SendJson(HttpMethod.Get, path);
        return (int)status < 300 && body is { } found ? found : throw new InvalidOperationException($"GET {path}: {(int)status}");
    }

    public Task<HttpStatusCode> Sku(string sku, int stock) => SetUp(async () =>
    {
        var upserted = await Send(HttpMethod.Put, $"/api/skus/{sku}", new { name = sku, unitPrice = 9.90m, unitCost = 4m, taxRate = 0.13m, currency = "CNY" });
        return (int)upserted >= 300 ? upserted : await Send(HttpMethod.Post, $"/api/skus/{sku}/receipts", new { warehouse = "SH", quantity = stock });
    });

    public Task<HttpStatusCode> Customer(string id) => SetUp(() => Send(HttpMethod.Put, $"/api/customers/{id}", new { name = id }));

    public Task<HttpStatusCode> PlaceOrder(string customerId, IEnumerable<(string Sku, int Quantity)> lines) =>
        Send(HttpMethod.Post, "/api/orders", new { customerId, channel = "web", paymentTerms = "cashOnDelivery", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });

    private static async Task<HttpStatusCode> SetUp(Func<Task<HttpStatusCode>> call)
    {
        var status = await call();
        return (int)status < 300 ? status : throw new InvalidOperationException($"Set-up call failed: {(int)status}");
    }

    public void Dispose()
    {
        _lean?.Dispose();
        _http?.Dispose();
    }
}

/// <summary>Which HTTP client the load generator sends with.</summary>
public enum HttpClientKind
{
    Lean,
    HttpClient,
}
