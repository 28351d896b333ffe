using System.Globalization;
using System.Net;

namespace OrderActors.Tests.Orders;

/// <summary>
/// After a sell-out the API host refuses late attempts from its silo's placement cache, without a grain call, with
/// the refusal the order desk gives; a receipt revokes what the cache holds, so the next order is sold at once.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SellOutTests(ApiFixture fixture)
{
    private readonly Api _api = new(fixture.CreateClient());

    [Fact]
    public async Task Late_attempts_are_refused_by_the_host_as_the_desk_refuses_them_and_a_receipt_sells_at_once()
    {
        var sku = await _api.Sku("SELLOUT", 5m, ("SH", 2));
        var customer = await _api.Customer();
        var order = Api.OrderJson(customer, (sku, 1));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _api.Post("/api/orders", order)).Status);
        }

        var desks = await _api.Post("/api/orders", order);
        desks.AssertProblem(HttpStatusCode.Conflict, "out_of_stock");

        var before = await RefusedInHost();
        var late = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _api.Post("/api/orders", order)));
        Assert.True(await RefusedInHost() - before >= late.Length);
        Assert.All(late, r =>
        {
            r.AssertProblem(HttpStatusCode.Conflict, "out_of_stock");
            Assert.Equal(desks.Str("detail"), r.Str("detail"));
            Assert.Equal([sku], r.Body.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        });

        // An order under an idempotency key is decided by its order grain: refused the same way.
        (await _api.Post("/api/orders", order, _api.Key("late"))).AssertProblem(HttpStatusCode.Conflict, "out_of_stock");

        Assert.Equal(HttpStatusCode.OK, (await _api.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 1, reference = "PO" }))).Status);
        Assert.Equal(HttpStatusCode.Created, (await _api.Post("/api/orders", order)).Status);
        (await _api.Post("/api/orders", order)).AssertProblem(HttpStatusCode.Conflict, "out_of_stock");
        Assert.Equal(3, (await _api.StockOf(sku)).GetProperty("reserved").GetInt32());
    }

    private async Task<double> RefusedInHost()
    {
        var metrics = await new Api(fixture.CreateClient(), null).Get("/metrics");
        var line = metrics.Text.Split('\n').FirstOrDefault(l => l.StartsWith("orderactors_orders_refused_in_host_total ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
