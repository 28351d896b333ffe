using System.Net;
using System.Text;
using System.Text.Json;

namespace OrderActors.Tests;

public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> Send(
        this HttpClient http, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json, text);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, string Text)> Post(this HttpClient http, string path, object? body = null, string? key = null) =>
        http.Send(HttpMethod.Post, path, body, key);

    public static Task<(HttpStatusCode Status, JsonElement Body, string Text)> Put(this HttpClient http, string path, object body) =>
        http.Send(HttpMethod.Put, path, body);

    public static Task<(HttpStatusCode Status, JsonElement Body, string Text)> Get(this HttpClient http, string path) =>
        http.Send(HttpMethod.Get, path);

    public static object Order(string customerId, string onShortage, params (string Sku, int Quantity)[] lines) => new
    {
        customerId,
        channel = "web",
        paymentTerms = "prepaid",
        onShortage,
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
    };

    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
