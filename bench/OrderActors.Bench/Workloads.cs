using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace OrderActors.Bench;

/// <summary>The workloads of the benchmark issue. Each sets up its own fresh data, runs, and checks invariants.</summary>
public static class Workloads
{
    /// <summary>One SKU with 1,000 units, 20,000 single-unit attempts from 64 clients.</summary>
    public static async Task<IReadOnlyList<RoundResult>> FlashSale(Api api, string system, int round, int units = 1000, int attempts = 20_000, int clients = 64)
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
        var created = outcomes.Where(o => o.Status == HttpStatusCode.Created).ToList();
        var sellOut = created.Select(o => o.FinishedAtSeconds).DefaultIfEmpty(seconds).Max();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {system} #{round}: accepted orders p50 {LoadRunner.Percentile(created.Select(o => o.Milliseconds), 0.5):0} ms, p99 {LoadRunner.Percentile(created.Select(o => o.Milliseconds), 0.99):0} ms; half sold at {LoadRunner.Percentile(created.Select(o => o.FinishedAtSeconds), 0.5):0.00} s; stock reserved {taken}"));
        return [Result(system, round, outcomes, seconds, accepted, oversold, sellOut)];
    }

    /// <summary>
    /// 1,000 SKUs with ample stock, 10,000 customers, orders of 1–5 lines: first at a fixed concurrency (the
    /// peak), then at a fixed offered rate of 70% of that peak, where latency is what a client waits.
    /// </summary>
    public static async Task<IReadOnlyList<RoundResult>> Steady(Api api, string system, int round, int orders = 5_000, int clients = 32)
    {
        var data = await SteadyData.Create(api, system);
        var (outcomes, seconds) = await LoadRunner.Run($"{system} steady #{round}", orders, clients, data.PlaceOne);
        var peak = Result(system, round, outcomes, seconds, Created(outcomes), 0, null) with { Phase = "closed" };

        var rate = Math.Max(1, peak.OrdersPerSecond * 0.7);
        var offered = (int)Math.Clamp(rate * 15, 500, orders * 2);
        var (open, openSeconds) = await LoadRunner.RunAtRate($"{system} steady #{round} at 70%", offered, rate, i => data.PlaceOne(orders + i));
        var atRate = Result(system, round, open, openSeconds, Created(open), 0, null) with { Phase = "open-70%", OfferedRate = Math.Round(rate, 1) };
        return [peak, atRate];
    }

    /// <summary>
    /// A day's mix (TPC-C-like) from 32 clients: place (40%), pay (15%), advance through pick, pack, ship and
    /// deliver (20%), read an order (20%), read today's order report (5%). Afterwards every order a client
    /// moved is read back and must be where the client left it.
    /// </summary>
    public static async Task<IReadOnlyList<RoundResult>> Mixed(Api api, string system, int round, int operations = 10_000, int clients = 32)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var skus = Enumerable.Range(0, 200).Select(i => $"MX-{run}-{i}").ToList();
        var customers = Enumerable.Range(0, 2000).Select(i => $"mx-{run}-{i}").ToList();
        await LoadRunner.Run($"{system} mixed set-up (SKUs)", skus.Count, 32, i => api.Sku(skus[i], 1_000_000));
        await LoadRunner.Run($"{system} mixed set-up (customers)", customers.Count, 32, i => api.Customer(customers[i]));

        var orders = new ConcurrentDictionary<string, MixedOrder>();
        var counts = new ConcurrentDictionary<string, int>();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var placed = 0;
        var (outcomes, seconds) = await LoadRunner.Run($"{system} mixed #{round}", operations, clients, async i =>
        {
            var random = new Random(i);
            var roll = random.Next(100);
            var pool = orders.Values.Where(o => !o.Busy).ToList();
            MixedOrder? Pick(Func<MixedOrder, bool> when)
            {
                var candidates = pool.Where(when).ToList();
                var start = candidates.Count == 0 ? 0 : random.Next(candidates.Count);
                return candidates.Skip(start).Concat(candidates.Take(start)).FirstOrDefault(o => o.TryTake());
            }

            var (kind, order) = roll switch
            {
                < 40 => ("place", null),
                < 55 => ("pay", Pick(o => o.Stage == 0)),
                < 75 => ("advance", Pick(o => o.Stage is > 0 and < 5)),
                < 95 => ("read", Pick(_ => true)),
                _ => ("report", null),
            };
            if (order is null && kind is "pay" or "advance" or "read")
            {
                kind = "place";
            }

            counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            try
            {
                switch (kind)
                {
                    case "place":
                        var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => skus[random.Next(skus.Count)]).Distinct().Select(s => (s, random.Next(1, 4)));
                        var (status, id, total) = await api.PlacePrepaid(customers[random.Next(customers.Count)], lines);
                        if (id is not null)
                        {
                            orders[id] = new MixedOrder(id, total);
                            Interlocked.Increment(ref placed);
                        }

                        return status;
                    case "pay":
                        var paid = await api.Send(HttpMethod.Post, $"/api/orders/{order!.Id}/payments",
                            new { method = "card", amount = order.Total, externalRef = $"MX-{run}-{order.Id}" });
                        order.Advance(paid, 1);
                        return paid;
                    case "advance":
                        var step = MixedOrder.Steps[order!.Stage];
                        var moved = await api.Send(HttpMethod.Post, $"/api/orders/{order.Id}/{step}",
                            step == "ship" ? new { carrier = "SF", trackingNumber = $"SF{order.Id}" } : null);
                        order.Advance(moved, order.Stage + 1);
                        return moved;
                    case "read":
                        var read = await api.Send(HttpMethod.Get, $"/api/orders/{order!.Id}");
                        order.Release();
                        return read;
                    default:
                        return await api.Send(HttpMethod.Get, $"/api/reports/orders?granularity=day&from={today}&to={today}");
                }
            }
            catch
            {
                order?.Release();
                throw;
            }
        });

        // Every order where its client left it.
        var mismatches = 0;
        foreach (var order in orders.Values)
        {
            var actual = (await api.Get($"/api/orders/{order.Id}")).GetProperty("status").GetString();
            mismatches += actual == MixedOrder.Statuses[order.Stage] ? 0 : 1;
        }

        if (mismatches > 0)
        {
            Console.Error.WriteLine($"  {system} #{round}: {mismatches} orders not in the status their client left them in");
        }

        var ok = outcomes.Count(o => (int)o.Status is >= 200 and < 300);
        return [Result(system, round, outcomes, seconds, ok, 0, null) with
        {
            OrdersPerSecond = placed / seconds,
            Errors = outcomes.Count - ok + mismatches,
            Operations = new SortedDictionary<string, int>(counts, StringComparer.Ordinal),
        }];
    }

    /// <summary>
    /// The steady workload for a long run: throughput per tenth of the orders and the server processes'
    /// working sets at the end of each tenth. Cost per order should stay flat and memory bounded.
    /// </summary>
    public static async Task<IReadOnlyList<RoundResult>> Scale(Api api, string system, int round, ServerProcesses servers, int orders = 200_000, int clients = 32)
    {
        var data = await SteadyData.Create(api, system);

        // Not counted: JIT, pools and the first activations of the SKUs and customers would otherwise make the
        // first tenth the slowest, and the comparison of the last tenth with it is about cost per order over time.
        var warmUp = Math.Min(5_000, orders / 10);
        await LoadRunner.Run($"{system} scale #{round} warm-up", warmUp, clients, i => data.PlaceOne(orders + i));
        var all = new List<Outcome>(orders);
        var samples = new List<Sample>();
        var peak = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var tenth = orders / 10;
        var total = 0.0;
        for (var part = 0; part < 10; part++)
        {
            var offset = part * tenth;
            var cpu = new CpuMeter();
            var (outcomes, seconds) = await LoadRunner.Run($"{system} scale #{round} part {part + 1}/10", tenth, clients, i => data.PlaceOne(offset + i));
            all.AddRange(outcomes.Select(o => o with { FinishedAtSeconds = o.FinishedAtSeconds + total }));
            total += seconds;
            var sets = servers.WorkingSetMiB();
            foreach (var (process, mib) in sets)
            {
                peak[process] = Math.Max(peak.GetValueOrDefault(process), mib);
            }

            var (machineMs, clientMs) = cpu.MillisecondsPer(outcomes.Count);
            samples.Add(new Sample(offset + tenth, Math.Round(seconds, 2), Math.Round(Created(outcomes) / seconds, 1), sets)
            {
                MachineCpuMsPerOrder = machineMs,
                ClientCpuMsPerOrder = clientMs,
            });
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  {system} scale part {part + 1}: {Created(outcomes) / seconds:0} orders/s; CPU per order {machineMs:0.00} ms (load generator {clientMs:0.000}); working sets MiB: {string.Join(", ", sets.Select(s => $"{s.Key} {s.Value:0}"))}"));
        }

        return [Result(system, round, all, total, Created(all), 0, null) with
        {
            Samples = samples,
            LastToFirstThroughput = Math.Round(samples[^1].OrdersPerSecond / samples[0].OrdersPerSecond, 3),
            PeakWorkingSetMiB = peak,
        }];
    }

    /// <summary>
    /// The same host answering a trivial route (this machine's HTTP ceiling), then placing steady orders from
    /// as many clients: placement's rate as a fraction of the ceiling.
    /// </summary>
    public static async Task<IReadOnlyList<RoundResult>> Noop(Api api, string system, int round, int requests = 50_000, int orders = 10_000, int clients = 64)
    {
        var (outcomes, seconds) = await LoadRunner.Run($"{system} noop #{round}", requests, clients, _ => api.Send(HttpMethod.Get, "/health/live"));
        var noop = Result(system, round, outcomes, seconds, outcomes.Count(o => o.Status == HttpStatusCode.OK), 0, null) with { Phase = "noop" };
        var data = await SteadyData.Create(api, system);
        var (placed, placeSeconds) = await LoadRunner.Run($"{system} noop #{round}: placing", orders, clients, data.PlaceOne);
        return [noop, Result(system, round, placed, placeSeconds, Created(placed), 0, null) with { Phase = "place" }];
    }

    private static int Created(IEnumerable<Outcome> outcomes) => outcomes.Count(o => o.Status == HttpStatusCode.Created);

    private static RoundResult Result(string system, int round, List<Outcome> outcomes, double seconds, int accepted, int oversold, double? sellOut) => new(
        system, round, outcomes.Count, accepted, oversold, outcomes.Count / seconds, accepted / seconds, sellOut,
        LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.50), LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.95),
        LoadRunner.Percentile(outcomes.Select(o => o.Milliseconds), 0.99), outcomes.Count(IsError));

    /// <summary>
    /// Anything but a success or a business refusal (409: out of stock): no answer, a server fault, or a 4xx such as
    /// 429 from the host's rate limit, which must not pass for a fast refusal.
    /// </summary>
    private static bool IsError(Outcome o) => o.Status == 0 || ((int)o.Status is < 200 or >= 300 && o.Status != HttpStatusCode.Conflict);

    /// <summary>The steady workload's data: 1,000 SKUs with ample stock and 10,000 customers; order i is always the same order.</summary>
    private sealed class SteadyData(Api api, List<string> skus, List<string> customers)
    {
        public static async Task<SteadyData> Create(Api api, string system)
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var skus = Enumerable.Range(0, 1000).Select(i => $"ST-{run}-{i}").ToList();
            var customers = Enumerable.Range(0, 10_000).Select(i => $"st-{run}-{i}").ToList();
            await LoadRunner.Run($"{system} steady set-up (SKUs)", skus.Count, 32, i => api.Sku(skus[i], 1_000_000));
            await LoadRunner.Run($"{system} steady set-up (customers)", customers.Count, 32, i => api.Customer(customers[i]));
            return new SteadyData(api, skus, customers);
        }

        public Task<HttpStatusCode> PlaceOne(int i)
        {
            var random = new Random(i);
            var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => skus[random.Next(skus.Count)]).Distinct().Select(s => (s, random.Next(1, 4)));
            return api.PlaceOrder(customers[random.Next(customers.Count)], lines);
        }
    }

    /// <summary>An order of the mixed workload and where its client has taken it; one client works on it at a time.</summary>
    private sealed class MixedOrder(string id, decimal total)
    {
        public static readonly string[] Steps = ["pay", "pick", "pack", "ship", "deliver"];

        public static readonly string[] Statuses = ["confirmed", "confirmed", "picking", "packed", "shipped", "delivered"];

        private int _busy;

        public string Id => id;

        public decimal Total => total;

        /// <summary>0 placed, 1 paid, 2 picking, 3 packed, 4 shipped, 5 delivered.</summary>
        public int Stage { get; private set; }

        public bool Busy => Volatile.Read(ref _busy) == 1;

        public bool TryTake() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        public void Release() => Volatile.Write(ref _busy, 0);

        public void Advance(HttpStatusCode status, int stage)
        {
            if ((int)status is >= 200 and < 300)
            {
                Stage = stage;
            }

            Release();
        }
    }
}
