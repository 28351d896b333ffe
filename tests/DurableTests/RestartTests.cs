using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using OrderActors.Silo.Database;

namespace OrderActors.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class RestartTests(PostgresFixture fixture)
{
    [Fact]
    public async Task After_every_process_restarts_everything_reads_back_identical()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        await using var cluster = new DurableCluster(connectionString, PostgresServer.FreePort());
        cluster.StartSilo(1);
        cluster.StartSilo(2);
        await cluster.StartApiAsync();
        var http = cluster.Client();

        Assert.Equal(HttpStatusCode.Created, (await http.Put("/api/skus/TEA", new { name = "Tea set", unitPrice = 199m, unitCost = 80m, taxRate = 0.13m })).Status);
        Assert.Equal(HttpStatusCode.Created, (await http.Put("/api/skus/POT", new { name = "Teapot", unitPrice = 2800m, unitCost = 900m, taxRate = 0.13m })).Status);
        Assert.Equal(HttpStatusCode.Created, (await http.Put("/api/skus/CUP", new { name = "Cup", unitPrice = 10m, taxRate = 0.13m })).Status);
        await http.Post("/api/skus/TEA/receipts", new { warehouse = "SH", quantity = 50 });
        await http.Post("/api/skus/TEA/receipts", new { warehouse = "BJ", quantity = 5 });
        await http.Post("/api/skus/POT/receipts", new { warehouse = "SH", quantity = 3 });
        await http.Put("/api/customers/c1", new { name = "Li Lei", email = "li@example.com" });
        await http.Put("/api/customers/c2", new { name = "Han Meimei" });

        var shipped = (await http.Post("/api/orders", Http.Order("c1", "reject", ("TEA", 2)), "k-shipped")).Body.GetProperty("orderId").GetString()!;
        await http.Post($"/api/orders/{shipped}/payments", new { method = "alipay", amount = 398m, externalRef = "ALI-1" });
        foreach (var step in new[] { "pick", "pack" })
        {
            await http.Post($"/api/orders/{shipped}/{step}");
        }

        await http.Post($"/api/orders/{shipped}/ship", new { carrier = "SF", trackingNumber = "SF1" });
        await http.Post($"/api/orders/{shipped}/deliver");
        var settled = (await http.Post("/api/orders", Http.Order("c2", "reject", ("TEA", 1)))).Body.GetProperty("orderId").GetString()!;
        await http.Post($"/api/orders/{settled}/payments", new { method = "card", amount = 199m, externalRef = "C-1" });
        foreach (var step in new[] { "pick", "pack" })
        {
            await http.Post($"/api/orders/{settled}/{step}");
        }

        await http.Post($"/api/orders/{settled}/ship", new { carrier = "EMS", trackingNumber = "E1" });
        await http.Post($"/api/orders/{settled}/deliver");
        Assert.Equal("settled", (await http.Post($"/api/orders/{settled}/complete")).Body.GetProperty("status").GetString());
        var review = (await http.Post("/api/orders", Http.Order("c1", "reject", ("POT", 2)))).Body.GetProperty("orderId").GetString()!;
        var cancelled = (await http.Post("/api/orders", Http.Order("c2", "reject", ("TEA", 3)))).Body.GetProperty("orderId").GetString()!;
        await http.Post($"/api/orders/{cancelled}/cancel", new { reason = "changed mind" });
        var waiting = (await http.Post("/api/orders", Http.Order("c2", "backorder", ("CUP", 1), ("TEA", 1)))).Body;
        Assert.Equal("awaitingStock", waiting.GetProperty("status").GetString());

        // Enough orders that c1's history (orders and notices) is rewritten as a snapshot, due after 16 to 24 changes.
        var regular = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            regular.Add((await http.Post("/api/orders", Http.Order("c1", "reject", ("TEA", 1)))).Body.GetProperty("orderId").GetString()!);
        }

        string[] orders = [shipped, settled, review, cancelled, waiting.GetProperty("orderId").GetString()!, .. regular];
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = $"/api/reports/orders?granularity=day&from={today}&to={today}";
        await Http.Eventually(() => http.Get(report), r => r.Body.GetProperty("totals").GetProperty("placed").GetInt32() == 17, TimeSpan.FromSeconds(20));
        string[] paths =
        [
            .. orders.Select(o => $"/api/orders/{o}"), "/api/skus/TEA", "/api/skus/POT", "/api/skus/CUP", "/api/customers/c1", "/api/customers/c2",
            "/api/customers/c1/orders", "/api/customers/c2/orders", "/api/customers/c1/notifications", "/api/orders/review-queue",
            "/api/notifications", report, $"/api/audit?target=order:{shipped}",
        ];
        var before = await Read(http, paths);

        // c1's history was rewritten as a snapshot, a row of its own, so the restart reads a snapshot and the changes after it.
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            await using var command = database.CreateCommand("SELECT count(*) FROM orderactors_grain_state WHERE state_name = 'history' AND grain_id LIKE '%c1'");
            while ((long)(await command.ExecuteScalarAsync())! == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }

        await cluster.StopAllAsync();
        cluster.StartSilo(1);
        cluster.StartSilo(2);
        await cluster.StartApiAsync();
        var after = await Read(cluster.Client(), paths);

        foreach (var path in paths)
        {
            Assert.Equal(before[path], after[path]);
        }

        Assert.Contains("\"status\":\"delivered\"", after[$"/api/orders/{shipped}"], StringComparison.Ordinal);
        Assert.Contains("\"placed\":17", after[report], StringComparison.Ordinal);
        Assert.Equal(14, JsonDocument.Parse(after["/api/customers/c1/orders"]).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Automatic_completion_is_a_reminder_that_survives_a_restart_of_the_cluster()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        await using var cluster = new DurableCluster(connectionString, PostgresServer.FreePort(),
            new() { ["Orders__AutoCompleteAfter"] = "00:00:08" });
        cluster.StartSilo(1);
        await cluster.StartApiAsync();
        var http = cluster.Client();
        await http.Put("/api/skus/TEA", new { name = "Tea set", unitPrice = 10m, taxRate = 0.13m });
        await http.Post("/api/skus/TEA/receipts", new { warehouse = "SH", quantity = 5 });
        await http.Put("/api/customers/c1", new { name = "Li Lei" });
        var order = (await http.Post("/api/orders", new { customerId = "c1", channel = "store", paymentTerms = "cashOnDelivery", lines = new[] { new { sku = "TEA", quantity = 1 } } }))
            .Body.GetProperty("orderId").GetString()!;
        foreach (var step in new[] { "pick", "pack" })
        {
            await http.Post($"/api/orders/{order}/{step}");
        }

        await http.Post($"/api/orders/{order}/ship", new { carrier = "SF", trackingNumber = "SF1" });
        Assert.Equal("delivered", (await http.Post($"/api/orders/{order}/deliver")).Body.GetProperty("status").GetString());

        await cluster.StopAllAsync();
        cluster.StartSilo(1);
        await cluster.StartApiAsync();
        var completed = await Http.Eventually(() => cluster.Client().Get($"/api/orders/{order}"),
            r => r.Body.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(90));

        Assert.Equal("completed", completed.Body.GetProperty("status").GetString());
        Assert.Equal("system", completed.Body.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString());
    }

    private static async Task<Dictionary<string, string>> Read(HttpClient http, IEnumerable<string> paths)
    {
        var result = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var reply = await http.Get(path);
            Assert.True(reply.Status == HttpStatusCode.OK, $"{path}: {(int)reply.Status} {reply.Text}");
            result[path] = reply.Text;
        }

        return result;
    }
}
