using System.Text.Json;
using Npgsql;

// The conventional design the benchmark compares against: one PostgreSQL transaction per order, a
// conditional UPDATE per line in a fixed SKU order (row locks serialize a hot SKU), an order insert,
// pooled connections. Only the routes the benchmark workloads need, with the same paths and shapes.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("ConnectionStrings__Baseline is required.");
var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 64 }.ConnectionString);
await using (var schema = db.CreateCommand("""
    CREATE TABLE IF NOT EXISTS skus (sku text PRIMARY KEY, name text NOT NULL, unit_price numeric(12,2) NOT NULL,
                                     tax_rate numeric(5,4) NOT NULL, on_hand int NOT NULL DEFAULT 0, available int NOT NULL DEFAULT 0 CHECK (available >= 0));
    CREATE TABLE IF NOT EXISTS customers (customer_id text PRIMARY KEY, name text NOT NULL);
    CREATE TABLE IF NOT EXISTS orders (order_id bigserial PRIMARY KEY, customer_id text NOT NULL REFERENCES customers,
                                       status text NOT NULL, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS order_lines (order_id bigint NOT NULL REFERENCES orders, sku text NOT NULL, quantity int NOT NULL,
                                            unit_price numeric(12,2) NOT NULL, PRIMARY KEY (order_id, sku));
    """))
{
    await schema.ExecuteNonQueryAsync();
}

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok());

app.MapPut("/api/skus/{sku}", async (string sku, SkuBody body) =>
{
    await using var cmd = db.CreateCommand("""
        INSERT INTO skus (sku, name, unit_price, tax_rate) VALUES ($1, $2, $3, $4)
        ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, unit_price = EXCLUDED.unit_price, tax_rate = EXCLUDED.tax_rate
        """);
    cmd.Parameters.Add(new() { Value = sku });
    cmd.Parameters.Add(new() { Value = body.Name });
    cmd.Parameters.Add(new() { Value = body.UnitPrice });
    cmd.Parameters.Add(new() { Value = body.TaxRate });
    await cmd.ExecuteNonQueryAsync();
    return Results.Ok();
});

app.MapPost("/api/skus/{sku}/receipts", async (string sku, ReceiptBody body) =>
{
    await using var cmd = db.CreateCommand("UPDATE skus SET on_hand = on_hand + $2, available = available + $2 WHERE sku = $1");
    cmd.Parameters.Add(new() { Value = sku });
    cmd.Parameters.Add(new() { Value = body.Quantity });
    return await cmd.ExecuteNonQueryAsync() == 1 ? Results.Ok() : Results.NotFound();
});

app.MapGet("/api/skus/{sku}", async (string sku) =>
{
    await using var cmd = db.CreateCommand("SELECT on_hand, available FROM skus WHERE sku = $1");
    cmd.Parameters.Add(new() { Value = sku });
    await using var reader = await cmd.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound();
    }

    var onHand = reader.GetInt32(0);
    var available = reader.GetInt32(1);
    return Results.Ok(new { sku, stock = new { onHand, reserved = onHand - available, available } });
});

app.MapPut("/api/customers/{id}", async (string id, CustomerBody body) =>
{
    await using var cmd = db.CreateCommand("INSERT INTO customers VALUES ($1, $2) ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name");
    cmd.Parameters.Add(new() { Value = id });
    cmd.Parameters.Add(new() { Value = body.Name });
    await cmd.ExecuteNonQueryAsync();
    return Results.Ok();
});

app.MapPost("/api/orders", async (OrderBody body) =>
{
    await using var connection = await db.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    var total = 0m;
    // A fixed SKU order keeps concurrent multi-line orders from deadlocking on each other's rows.
    foreach (var line in body.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
    {
        await using var take = new NpgsqlCommand(
            "UPDATE skus SET available = available - $2 WHERE sku = $1 AND available >= $2 RETURNING unit_price", connection, tx);
        take.Parameters.Add(new() { Value = line.Sku });
        take.Parameters.Add(new() { Value = line.Quantity });
        if (await take.ExecuteScalarAsync() is not decimal price)
        {
            await tx.RollbackAsync();
            return Results.Problem(statusCode: 409, title: "Out of stock", extensions: new Dictionary<string, object?> { ["code"] = "out_of_stock", ["skus"] = new[] { line.Sku } });
        }

        total += price * line.Quantity;
    }

    await using var insert = new NpgsqlCommand("INSERT INTO orders (customer_id, status, total) VALUES ($1, 'confirmed', $2) RETURNING order_id", connection, tx);
    insert.Parameters.Add(new() { Value = body.CustomerId });
    insert.Parameters.Add(new() { Value = total });
    var orderId = (long)(await insert.ExecuteScalarAsync())!;
    await using (var lines = new NpgsqlBatch(connection, tx))
    {
        foreach (var line in body.Lines)
        {
            var cmd = new NpgsqlBatchCommand("INSERT INTO order_lines SELECT $1, $2, $3, unit_price FROM skus WHERE sku = $2");
            cmd.Parameters.Add(new() { Value = orderId });
            cmd.Parameters.Add(new() { Value = line.Sku });
            cmd.Parameters.Add(new() { Value = line.Quantity });
            lines.BatchCommands.Add(cmd);
        }

        await lines.ExecuteNonQueryAsync();
    }

    await tx.CommitAsync();
    return Results.Created($"/api/orders/{orderId}", new { orderId = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), status = "confirmed", total });
});

await app.RunAsync();

internal sealed record SkuBody(string Name, decimal UnitPrice, decimal TaxRate);

internal sealed record ReceiptBody(string Warehouse, int Quantity);

internal sealed record CustomerBody(string Name);

internal sealed record OrderLineBody(string Sku, int Quantity);

internal sealed record OrderBody(string CustomerId, List<OrderLineBody> Lines);
