using System.Globalization;
using System.Net;
using Npgsql;
using OrderActors.Silo.Database;
using Xunit.Abstractions;

namespace OrderActors.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class FaultTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Skus = ["FLASH", "TEA", "CUP", "POT"];

    [Fact]
    public async Task Killing_a_silo_mid_sale_loses_no_acknowledged_order_and_oversells_nothing()
    {
        var (cluster, http, stock) = await StartCluster(silos: 3);
        await using var _ = cluster;
        await KillSiloMidSale(cluster, http, stock, seed: 100, "silo killed");
    }

    [Fact]
    public async Task Killing_a_silo_mid_sale_when_the_API_host_is_a_silo_too_loses_nothing_and_oversells_nothing()
    {
        // Two silos and the API host as the third: its requests reach grains without a gateway, and the grains
        // of the killed silo come back on the two that remain (the API host among them).
        var (cluster, http, stock) = await StartCluster(silos: 2, apiAsSilo: true);
        await using var _ = cluster;
        await KillSiloMidSale(cluster, http, stock, seed: 300, "silo killed, API host a silo");
    }

    [Fact]
    public async Task Stock_received_after_a_silo_holding_a_lease_on_it_was_killed_is_sold_and_no_more()
    {
        // The API host is a client here, so the order desks (and the caches they read through) are in the silos.
        var (cluster, http, _) = await StartCluster(silos: 3);
        await using var _ = cluster;
        Assert.Equal(60, await SellUntilRefused(http, "FLASH"));

        cluster.KillSilo(2);
        output.WriteLine("killed silo 2 (SIGKILL) after the sell-out");
        // Retried under one idempotency key, as the contract asks of a client that retries: an answer lost on the way
        // is replayed, not received again. (A receipt used to be answered 503 after it was done when its audit shard,
        // the registry or operations' board was on the killed silo, and each retry received it again: once 61 times.
        // AuditTrailTests and OutboxTests hold that.)
        var key = $"receipt-{Guid.NewGuid():N}";
        var received = await Http.Eventually(() => http.Post("/api/skus/FLASH/receipts", new { warehouse = "SH", quantity = 5 }, key),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, received.Status);

        // A cache that kept the sold-out figures would refuse these; one that kept the receipt twice would oversell.
        Assert.Equal(5, await SellUntilRefused(http, "FLASH"));
        var levels = (await http.Get("/api/skus/FLASH")).Body.GetProperty("stock");
        Assert.Equal(65, levels.GetProperty("reserved").GetInt32());
        Assert.Equal(0, levels.GetProperty("available").GetInt32());
    }

    /// <summary>Single-unit orders, one at a time, until one is refused for want of stock: how many were placed.</summary>
    private static async Task<int> SellUntilRefused(HttpClient http, string sku)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var sold = 0; ; sold++)
        {
            // Retried under one idempotency key: an order placed before a failed answer is not placed twice.
            var key = $"sell-{run}-{sold}";
            var placed = await Http.Eventually(() => http.Post("/api/orders", Http.Order(Customers[sold % Customers.Length], "reject", (sku, 1)), key),
                r => r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, TimeSpan.FromSeconds(60));
            if (placed.Status != HttpStatusCode.Created)
            {
                Assert.Equal("out_of_stock", placed.Body.GetProperty("code").GetString());
                return sold;
            }
        }
    }

    /// <summary>Eight clients order for 14 s; silo 2 is killed (SIGKILL) 5 s in; then every acknowledged order is checked.</summary>
    private async Task KillSiloMidSale(DurableCluster cluster, HttpClient http, Dictionary<string, int> stock, int seed, string fault)
    {
        var workload = new Workload(http, Skus, Customers);
        var clients = Enumerable.Range(0, 8).Select(c => workload.RunClient(c, TimeSpan.FromSeconds(14), seed: seed + c)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(5));
        cluster.KillSilo(2);
        output.WriteLine($"killed silo 2 (SIGKILL) with {workload.Orders.Count} orders acknowledged so far");
        await Task.WhenAll(clients);

        await ReportHasEveryAcknowledgedChange(http, workload);
        await Verify(http, workload, stock, fault);
    }

    /// <summary>
    /// Before any order is read back (a read activates an order, which republishes what its outbox still
    /// holds): every change a client was told of is in the day report. Each order's last change is never
    /// followed by another call, so one whose events were only in the killed silo's memory would be missing.
    /// </summary>
    private async Task ReportHasEveryAcknowledgedChange(HttpClient http, Workload workload)
    {
        var orders = workload.Orders.Values.ToList();
        var expected = new Dictionary<string, int>
        {
            ["placed"] = orders.Count,
            ["confirmed"] = orders.Count,
            ["shipped"] = orders.Count(o => o.Status == "shipped"),
            ["cancelled"] = orders.Count(o => o.Status == "cancelled"),
        };
        var totals = await TodaysTotals(http, t => expected.All(c => t.GetProperty(c.Key).GetInt32() >= c.Value));
        output.WriteLine($"before any read-back, acknowledged placed/shipped/cancelled {expected["placed"]}/{expected["shipped"]}/{expected["cancelled"]}, " +
            $"report {totals.GetProperty("placed")}/{totals.GetProperty("shipped")}/{totals.GetProperty("cancelled")}");
        Assert.All(expected, c => Assert.True(totals.GetProperty(c.Key).GetInt32() >= c.Value, $"report {c.Key}: {totals.GetProperty(c.Key)} < {c.Value} acknowledged"));
    }

    [Fact]
    public async Task PostgreSQL_down_for_ten_seconds_under_load_answers_503_then_recovers_losing_nothing()
    {
        var (cluster, http, stock) = await StartCluster(silos: 2);
        await using var _ = cluster;
        var workload = new Workload(http, Skus, Customers);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        var clients = Enumerable.Range(0, 8).Select(c => workload.RunClient(c, TimeSpan.FromSeconds(20), seed: 200 + c)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await fixture.Server.StopAsync();
        output.WriteLine($"stopped PostgreSQL with {workload.Orders.Count} orders acknowledged so far");
        var probe = http.Get($"/api/orders/{workload.Orders.Keys.First()}x");
        for (var i = 0; i < 10; i++)
        {
            var reply = await http.Post("/api/orders", Http.Order(Customers[0], "reject", ("TEA", 1)));
            statuses.Add(reply.Status);
            if ((int)reply.Status >= 500)
            {
                Assert.True(reply.Text.Contains("\"code\":\"unavailable\"", StringComparison.Ordinal), reply.Text);
                Assert.DoesNotContain("   at ", reply.Text, StringComparison.Ordinal);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await fixture.Server.StartAgainAsync();
        output.WriteLine($"started PostgreSQL again; statuses while down: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
        await probe;
        await Task.WhenAll(clients);

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        // The clients may have sold the SKU out (how far they get depends on the machine): a unit received now
        // is there for the order that follows.
        Assert.Equal(HttpStatusCode.OK, (await http.Post("/api/skus/TEA/receipts", new { warehouse = "SH", quantity = 1 })).Status);
        stock["TEA"]++;
        var after = await http.Post("/api/orders", Http.Order(Customers[0], "reject", ("TEA", 1)));
        Assert.Equal(HttpStatusCode.Created, after.Status);
        await Verify(http, workload, stock, "PostgreSQL stopped", extraOrder: after.Body.GetProperty("orderId").GetString());
    }

    private static readonly string[] Customers = [.. Enumerable.Range(1, 8).Select(i => $"c{i}")];

    private async Task<(DurableCluster Cluster, HttpClient Http, Dictionary<string, int> Stock)> StartCluster(int silos, bool apiAsSilo = false)
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        var cluster = new DurableCluster(connectionString, PostgresServer.FreePort());
        for (var i = 1; i <= silos; i++)
        {
            cluster.StartSilo(i);
        }

        await cluster.StartApiAsync(apiAsSilo);
        var http = cluster.Client();
        var stock = new Dictionary<string, int> { ["FLASH"] = 60, ["TEA"] = 400, ["CUP"] = 400, ["POT"] = 400 };
        foreach (var (sku, quantity) in stock)
        {
            Assert.Equal(HttpStatusCode.Created, (await http.Put($"/api/skus/{sku}", new { name = sku, unitPrice = 10m, taxRate = 0.13m })).Status);
            Assert.Equal(HttpStatusCode.OK, (await http.Post($"/api/skus/{sku}/receipts", new { warehouse = "SH", quantity })).Status);
        }

        foreach (var customer in Customers)
        {
            await http.Put($"/api/customers/{customer}", new { name = customer });
        }

        return (cluster, http, stock);
    }

    /// <summary>Today's report totals once <paramref name="done"/> holds for them, or as they are after 60 s.</summary>
    private static async Task<System.Text.Json.JsonElement> TodaysTotals(HttpClient http, Func<System.Text.Json.JsonElement, bool> done)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = await Http.Eventually(() => http.Get($"/api/reports/orders?granularity=day&from={today}&to={today}"),
            r => done(r.Body.GetProperty("totals")), TimeSpan.FromSeconds(60));
        return report.Body.GetProperty("totals");
    }

    private async Task Verify(HttpClient http, Workload workload, Dictionary<string, int> initial, string fault, string? extraOrder = null)
    {
        var found = 0;
        var shipped = Skus.ToDictionary(s => s, _ => 0);
        var reserved = Skus.ToDictionary(s => s, _ => 0);
        var recount = new Dictionary<string, int> { ["placed"] = 0, ["confirmed"] = 0, ["shipped"] = 0, ["cancelled"] = 0 };
        var ids = workload.Orders.Keys.Concat(extraOrder is null ? [] : [extraOrder]).ToList();
        foreach (var id in ids)
        {
            var reply = await http.Get($"/api/orders/{id}");
            Assert.True(reply.Status == HttpStatusCode.OK, $"acknowledged order {id} is missing: {(int)reply.Status} {reply.Text}");
            found++;
            var status = reply.Body.GetProperty("status").GetString()!;
            if (workload.Orders.TryGetValue(id, out var acknowledged))
            {
                Assert.True(status == acknowledged.Status, $"order {id}: acknowledged {acknowledged.Status}, reads {status}");
            }

            var history = reply.Body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
            recount["placed"]++;
            recount["confirmed"] += history.Count(h => h == "confirmed");
            recount["shipped"] += history.Count(h => h == "shipped");
            recount["cancelled"] += history.Count(h => h == "cancelled");
            foreach (var line in reply.Body.GetProperty("lines").EnumerateArray())
            {
                var sku = line.GetProperty("sku").GetString()!;
                var quantity = line.GetProperty("quantity").GetInt32();
                if (status is "shipped")
                {
                    shipped[sku] += quantity;
                }
                else if (status is "confirmed" or "picking" or "packed")
                {
                    reserved[sku] += quantity;
                }
            }
        }

        var oversold = 0;
        var leaked = 0;
        foreach (var sku in Skus)
        {
            var stock = (await http.Get($"/api/skus/{sku}")).Body.GetProperty("stock");
            var onHand = stock.GetProperty("onHand").GetInt32();
            var held = stock.GetProperty("reserved").GetInt32();
            oversold += Math.Max(0, shipped[sku] + reserved[sku] - initial[sku]);
            leaked += held - reserved[sku];
            Assert.Equal(initial[sku] - shipped[sku], onHand);
            Assert.Equal(reserved[sku], held);
            Assert.True(held <= onHand, $"{sku}: reserved {held} > on hand {onHand}");
        }

        // Events after a fault can arrive late (an order republishes its outbox, a queue is taken over), but every
        // one arrives: wait for the report to agree with the recount on every figure, then check it.
        var totals = await TodaysTotals(http, t => recount.All(c => t.GetProperty(c.Key).GetInt32() == c.Value));
        output.WriteLine($"{fault}: orders acknowledged {ids.Count}, found afterwards {found}, oversold units {oversold}, " +
            $"leaked reservations {leaked}, client retries after faults {workload.Faults}; report placed/confirmed/shipped/cancelled " +
            $"{totals.GetProperty("placed")}/{totals.GetProperty("confirmed")}/{totals.GetProperty("shipped")}/{totals.GetProperty("cancelled")}, " +
            $"recount {recount["placed"]}/{recount["confirmed"]}/{recount["shipped"]}/{recount["cancelled"]}");
        Assert.True(ids.Count > 20, "the workload acknowledged too few orders to prove anything");
        Assert.Equal(ids.Count, found);
        Assert.Equal(0, oversold);
        Assert.Equal(0, leaked);
        foreach (var (key, value) in recount)
        {
            Assert.Equal(value, totals.GetProperty(key).GetInt32());
        }

    }
}
