using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace OrderActors.Tests;

/// <summary>
/// Clients placing and advancing orders against a cluster, retrying every call that met a fault (5xx
/// or no answer) with the same request, as a careful client would. Records what was acknowledged.
/// </summary>
public sealed class Workload(HttpClient http, IReadOnlyList<string> skus, IReadOnlyList<string> customers)
{
    public ConcurrentDictionary<string, AcknowledgedOrder> Orders { get; } = new();

    public int Faults => _faults;

    private int _faults;

    public async Task RunClient(int client, TimeSpan duration, int seed)
    {
        var random = new Random(seed);
        var until = DateTime.UtcNow + duration;
        var attempt = 0;
        while (DateTime.UtcNow < until)
        {
            attempt++;
            var lines = skus.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(s => (Sku: s, Quantity: random.Next(1, 4))).ToList();
            var customer = customers[client % customers.Count];
            var placed = await Retry(() => http.Post("/api/orders", Http.Order(customer, "reject", [.. lines]), $"c{client}-{seed}-{attempt}"));
            if (placed.Status != HttpStatusCode.Created)
            {
                continue;
            }

            var id = placed.Body.GetProperty("orderId").GetString()!;
            var order = new AcknowledgedOrder(id, lines, placed.Body.GetProperty("status").GetString()!);
            Orders[id] = order;
            var total = placed.Body.GetProperty("total").GetDecimal();
            switch (random.Next(4))
            {
                case 0:
                    order.Status = await Advance(id, "cancel", null, order.Status);
                    break;
                case 1:
                case 2:
                    var paid = await Retry(() => http.Post($"/api/orders/{id}/payments", new { method = "alipay", amount = total, externalRef = $"P-{id}" }));
                    if (paid.Status is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        order.Status = await Advance(id, "pick", null, order.Status);
                        order.Status = await Advance(id, "pack", null, order.Status);
                        order.Status = await Advance(id, "ship", new { carrier = "SF", trackingNumber = $"SF-{id}" }, order.Status);
                    }

                    break;
            }
        }
    }

    private async Task<string> Advance(string id, string step, object? body, string current)
    {
        var reply = await Retry(() => http.Post($"/api/orders/{id}/{step}", body));
        return reply.Status == HttpStatusCode.OK ? reply.Body.GetProperty("status").GetString()! : current;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string Text)> Retry(Func<Task<(HttpStatusCode Status, JsonElement Body, string Text)>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            try
            {
                var reply = await call();
                var retry = (int)reply.Status >= 500 || reply.Text.Contains("request_in_progress", StringComparison.Ordinal);
                if (!retry)
                {
                    return reply;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Interlocked.Increment(ref _faults);
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("A call kept failing for 150 s.");
            }

            await Task.Delay(250);
        }
    }
}

public sealed class AcknowledgedOrder(string id, List<(string Sku, int Quantity)> lines, string status)
{
    public string Id { get; } = id;

    public List<(string Sku, int Quantity)> Lines { get; } = lines;

    public string Status { get; set; } = status;
}
