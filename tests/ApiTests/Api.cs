using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrderActors.Tests;

/// <summary>A thin JSON client over the test host, with fresh ids per test.</summary>
public sealed class Api
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly HttpClient _http;

    /// <param name="apiKey">Sent as the bearer key on every request; null sends none.</param>
    public Api(HttpClient client, string? apiKey = "dev-admin")
    {
        _http = client;
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public HttpClient Http => _http;

    public string Key(string name) => $"{name}-{_run}";

    public async Task<Reply> Send(HttpMethod method, string path, string? json = null, string? idempotencyKey = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location?.ToString(), text)
        {
            SentLength = response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length) ? length.ToString() : null,
        };
    }

    public Task<Reply> Get(string path, string? accept = null) => Send(HttpMethod.Get, path, accept: accept);

    public Task<Reply> Post(string path, string? json = null, string? idempotencyKey = null) => Send(HttpMethod.Post, path, json, idempotencyKey);

    public Task<Reply> Put(string path, string json) => Send(HttpMethod.Put, path, json);

    public async Task<string> Sku(string name, decimal price = 10m, params (string Warehouse, int Quantity)[] stock)
    {
        var sku = Key(name);
        var put = await Put($"/api/skus/{sku}", Json(new { name, unitPrice = price, unitCost = price / 2, taxRate = 0.13m, currency = "CNY", lowStockThreshold = 5 }));
        Assert.Equal(HttpStatusCode.Created, put.Status);
        foreach (var (warehouse, quantity) in stock)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post($"/api/skus/{sku}/receipts", Json(new { warehouse, quantity, reference = "PO" }))).Status);
        }

        return sku;
    }

    public async Task<string> Customer(string name = "cust", bool requiresReview = false)
    {
        var id = Key(name);
        var put = await Put($"/api/customers/{id}", Json(new { name, email = "a@example.com", phone = "+86 138 0000 0000", requiresReview }));
        Assert.Equal(HttpStatusCode.Created, put.Status);
        return id;
    }

    public static string OrderJson(string customerId, params (string Sku, int Quantity)[] lines) =>
        OrderJson(customerId, "prepaid", "reject", lines);

    public static string OrderJson(string customerId, string paymentTerms, string onShortage, params (string Sku, int Quantity)[] lines) => Json(new
    {
        customerId,
        channel = "web",
        paymentTerms,
        onShortage,
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        shippingAddress = new { name = "Li Lei", phone = "+86 138 0000 0000", line1 = "1 Huaihai Rd", city = "Shanghai", postalCode = "200000", country = "CN" },
    });

    public async Task<JsonElement> StockOf(string sku) => (await Get($"/api/skus/{sku}")).Body.GetProperty("stock");

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

public sealed record Reply(HttpStatusCode Status, string? ContentType, string? Location, string Text)
{
    /// <summary>The Content-Length header as the server sent it (none for a body sent in chunks).</summary>
    public string? SentLength { get; init; }

    public JsonElement Body => JsonDocument.Parse(Text).RootElement;

    public string Code => Body.GetProperty("code").GetString()!;

    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public void AssertProblem(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"expected {(int)status} {code}, got {(int)Status}: {Text}");
        Assert.Equal("application/problem+json", ContentType);
        Assert.Equal(code, Code);
        Assert.Equal((int)status, Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(Body.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", Text, StringComparison.Ordinal);
    }
}

