using System.Net;

namespace OrderActors.Bench;

/// <summary>The workloads of the benchmark issue. Each sets up its own fresh data, runs, and checks invariants.</summary>
public static class Workloads
{
    /// <summary>One SKU with 1,000 units, 20,000 single-unit attempts from 64 clients.</summary>
    public static async Task<RoundResult> FlashSale(Api api, string system, int round, int units = 1000, int attempts = 20_000, int clients = 64)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sku = $"FLASH-{run}";
        await api.Sku(sku, units);
        var customers = Enumerable.Range(0, clients).Select(i => $"fs-{run}-{i}").ToList();
        await Task.WhenAll(customers.Select(api.Customer));

        var (outcomes, seconds) = await LoadRunner.Run($"{system} flash-sale #{round}", attempts, clients,
            i => api.PlaceOrder(customers[i % customers.Count], [(sku, 1)]));

        var accepted = outcomes.Count(o => o.Status == HttpStatusCode.Created);
        var stock = (await api.Get($"/api/skus/{sku}")).GetProperty("stock");
        var taken = stock.GetProperty("reserved").GetInt32();
        var oversold = Math.Max(0, Math.Max(accepted, taken) - units);
        var sellOut = outcomes.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.FinishedAtSeconds).DefaultIfEmpty(seconds).Max();
        return Result(system, round, outcomes, seconds, accepted, oversold, sellOut);
    }

    /// <summary>1,000 SKUs with ample stock, 10,000 customers, orders of 1–5 lines at a fixed concurrency.</summary>
    public static async Task<RoundResult> Steady(Api api, string system, int round, int orders = 5_000, int clients = 32)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var skus = Enumerable.Range(0, 1000).Select(i => $"ST-{run}-{i}").ToList();
        var customers = Enumerable.Range(0, 10_000).Select(i => $"st-{run}-{i}").ToList();
        await LoadRunner.Run($"{system} steady set-up (SKUs)", skus.Count, 32, i => api.Sku(skus[i], 1_000_000));
        await LoadRunner.Run($"{system} steady set-up (customers)", customers.Count, 32, i => api.Customer(customers[i]));

        var (outcomes, seconds) = await LoadRunner.Run($"{system} steady #{round}", orders, clients, i =>
        {
            var random = new Random(i);
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => skus[random.Next(skus.Count)]).Distinct().Select(s => (s, random.Next(1, 4)));
            return api.PlaceOrder(customers[random.Next(customers.Count)], lines);
        });
        return Result(system, round, outcomes, seconds, outcomes.Count(o => o.Status == HttpStatusCode.Created), 0, null);
    }

    /// <summary>The same host answering a trivial route: this machine's HTTP ceiling.</summary>
    public static async Task<RoundResult> Noop(Api api, string system, int round, int requests = 50_000, int clients = 64)
    {
        var (outcomes, seconds) = await LoadRunner.Run($"{system} noop #{round}", requests, clients, _ => api.Send(HttpMethod.Get, "/health/live"));
        return Result(system, round, outcomes, seconds, outcomes.Count(o => o.Status == HttpStatusCode.OK), 0, null);
    }

    private static RoundResult Result(string system, int round, List<Outcome> outcomes, double seconds, int accepted, int oversold, double? sellOut) => new(
        system, round, outcomes.Count, accepted, oversold, outcomes.Count / seconds, accepted / seconds, sellOut,
        LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.50), LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.95),
        LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.99), outcomes.Count(o => o.Status == 0 || (int)o.Status >= 500));
}
