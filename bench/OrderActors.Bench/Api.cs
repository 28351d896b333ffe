using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrderActors.Bench;

/// <summary>The HTTP calls the workloads make; the same paths on OrderActors and on the baseline.</summary>
public sealed class Api(Uri baseAddress, string apiKey, int connections)
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };

    public async Task<HttpStatusCode> Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    /// <summary>Like <see cref="Send"/>, with the response body when it is JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendJson(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0
            ? JsonDocument.Parse(text).RootElement.Clone()
            : null);
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

    public async Task<JsonElement> Get(string path) =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement.Clone();

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
}
