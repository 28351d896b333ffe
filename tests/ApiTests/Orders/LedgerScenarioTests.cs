using System.Net;
using System.Text.Json;
using OrderActors.Tests.Security;

namespace OrderActors.Tests.Orders;

/// <summary>A seeded day of trading on a fresh host, then the books are checked against the orders and the stock.</summary>
public sealed class LedgerScenarioTests
{
    [Fact]
    public async Task After_a_randomized_day_the_books_balance_and_agree_with_orders_stock_and_invoices()
    {
        // Delivered orders stay delivered: the shared fixture's two-second automatic completion would race the checks.
        using var host = new ConfiguredHost("Development", ("Orders:AutoCompleteAfter", "1.00:00:00"));
        var api = new Api(host.CreateClient());
        var random = new Random(20261127);
        (string Sku, decimal Price, decimal Cost, decimal Rate)[] catalog = [("S13", 113m, 40m, 0.13m), ("S09", 54.50m, 20m, 0.09m), ("S06", 21.20m, 7.5m, 0.06m)];
        foreach (var (sku, price, cost, rate) in catalog)
        {
            Assert.Equal(HttpStatusCode.Created, (await api.Put($"/api/skus/{sku}", Api.Json(new { name = sku, unitPrice = price, unitCost = cost, taxRate = rate }))).Status);
            await api.Post($"/api/skus/{sku}/receipts", Api.Json(new { warehouse = "SH", quantity = 500 }));
        }

        await api.Post("/api/inventory/adjustments", Api.Json(new { sku = "S09", warehouse = "SH", quantityDelta = -4, reason = "damaged" }));
        await api.Post("/api/inventory/adjustments", Api.Json(new { sku = "S06", warehouse = "SH", quantityDelta = 3, reason = "found" }));
        await api.Put("/api/customers/buyer", Api.Json(new { name = "Buyer" }));

        var orders = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var lines = catalog.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(c => (c.Sku, random.Next(1, 4))).ToArray();
            var placed = await api.Post("/api/orders", Api.OrderJson("buyer", random.Next(4) == 0 ? "cashOnDelivery" : "prepaid", "reject", lines));
            Assert.Equal(HttpStatusCode.Created, placed.Status);
            var id = placed.Str("orderId");
            orders.Add(id);
            var total = placed.Body.GetProperty("total").GetDecimal();
            var cod = placed.Str("paymentTerms") == "cashOnDelivery";
            if (!cod)
            {
                await api.Post($"/api/orders/{id}/payments", Api.Json(new { method = random.Next(2) == 0 ? "alipay" : "card", amount = total, externalRef = $"P-{id}" }));
            }

            if (random.Next(5) == 0)
            {
                await api.Post($"/api/orders/{id}/cancel");
                continue;
            }

            if (random.Next(3) > 0)
            {
                await api.Post($"/api/orders/{id}/pick");
                await api.Post($"/api/orders/{id}/pack");
                await api.Post($"/api/orders/{id}/ship", Api.Json(new { carrier = "SF", trackingNumber = id }));
                await api.Post($"/api/orders/{id}/deliver");
                if (random.Next(3) == 0 && !cod)
                {
                    var (sku, quantity) = lines[0];
                    await api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = Math.Round(total / 4, 2), reason = "damaged", lines = new[] { new { sku, quantity = 1, restock = random.Next(2) == 0 } } }));
                }

                if (random.Next(4) > 0)
                {
                    await api.Post($"/api/orders/{id}/complete");
                    if (cod)
                    {
                        await api.Post($"/api/orders/{id}/payments", Api.Json(new { method = "cashOnDelivery", amount = total, externalRef = $"COD-{id}" }));
                    }
                    else if (random.Next(3) == 0)
                    {
                        await api.Post($"/api/orders/{id}/refunds", Api.Json(new { amount = 1.00m, reason = "late delivery" }));
                    }
                }
            }

            if (random.Next(2) == 0)
            {
                await api.Post($"/api/orders/{id}/invoices", Api.Json(new { kind = "electronic", title = "Buyer" }));
            }
        }

        var balance = (await api.Get("/api/ledger/trial-balance")).Body;
        Assert.True(balance.GetProperty("balanced").GetBoolean());
        Assert.True(balance.GetProperty("totalDebit").GetDecimal() > 0);
        var accounts = balance.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("account").GetString()!, a => a.GetProperty("debit").GetDecimal() - a.GetProperty("credit").GetDecimal());

        var valuation = 0m;
        foreach (var (sku, _, cost, _) in catalog)
        {
            valuation += (await api.StockOf(sku)).GetProperty("onHand").GetInt32() * cost;
        }

        Assert.Equal(valuation, accounts["1405"]);

        var journal = (await api.Get("/api/ledger/journal")).Body.GetProperty("items").EnumerateArray().ToList();
        var invoices = new List<string>();
        foreach (var id in orders)
        {
            var order = (await api.Get($"/api/orders/{id}")).Body;
            var entries = journal.Where(e => e.GetProperty("orderId").GetString() == id).SelectMany(e => e.GetProperty("lines").EnumerateArray()).ToList();
            decimal Balance(string account) => entries.Where(l => l.GetProperty("account").GetString() == account)
                .Sum(l => l.GetProperty("debit").GetDecimal() - l.GetProperty("credit").GetDecimal());
            var status = order.GetProperty("status").GetString();
            if (status is "completed" or "settled")
            {
                Assert.Equal(order.GetProperty("balanceDue").GetDecimal(), Balance("1122"));
                Assert.Equal(0m, Balance("2203"));
            }
            else
            {
                Assert.Equal(order.GetProperty("amountPaid").GetDecimal() - order.GetProperty("amountRefunded").GetDecimal(), -Balance("2203"));
            }

            invoices.AddRange(order.GetProperty("invoices").EnumerateArray().Select(v => v.GetProperty("number").GetString()!));
        }

        var year = DateTime.UtcNow.Year;
        Assert.NotEmpty(invoices);
        Assert.Equal(Enumerable.Range(1, invoices.Count).Select(n => $"E{year}-{n:000000}"), invoices.Order(StringComparer.Ordinal));
    }
}
