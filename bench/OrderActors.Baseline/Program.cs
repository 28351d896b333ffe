using System.Text.Json;
using Npgsql;

// The conventional design the benchmark compares against: one PostgreSQL transaction per order, a
// conditional UPDATE per line in a fixed SKU order (row locks serialize a hot SKU), an order insert,
// pooled connections; status changes as conditional UPDATEs. Only the routes the benchmark workloads need,
// with the same paths and shapes.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("ConnectionStrings__Baseline is required.");
// The same connection settings as the durable mode: no session reset per reuse, repeated statements prepared.
var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
{
    MaxPoolSize = 64,
    NoResetOnClose = true,
    MaxAutoPrepare = 32,
    AutoPrepareMinUsages = 2,
}.ConnectionString);
await using (var schema = db.CreateCommand("""
    CREATE TABLE IF NOT EXISTS skus (sku text PRIMARY KEY, name text NOT NULL, unit_price numeric(12,2) NOT NULL,
                                     tax_rate numeric(5,4) NOT NULL, on_hand int NOT NULL DEFAULT 0, available int NOT NULL DEFAULT 0 CHECK (available >= 0));
    CREATE TABLE IF NOT EXISTS customers (customer_id text PRIMARY KEY, name text NOT NULL);
    CREATE TABLE IF NOT EXISTS orders (order_id bigserial PRIMARY KEY, customer_id text NOT NULL REFERENCES customers,
                                       status text NOT NULL, total numeric(12,2) NOT NULL, amount_paid numeric(12,2) NOT NULL DEFAULT 0,
                                       created_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX IF NOT EXISTS orders_by_day ON orders (created_at);
    CREATE TABLE IF NOT EXISTS payments (order_id bigint NOT NULL REFERENCES orders, method text NOT NULL, external_ref text NOT NULL,
                                         amount numeric(12,2) NOT NULL, PRIMARY KEY (method, external_ref));
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

app.MapGet("/api/orders/{id}", async (long id) =>
{
    await using var cmd = db.CreateCommand("SELECT customer_id, status, total, amount_paid FROM orders WHERE order_id = $1");
    cmd.Parameters.Add(new() { Value = id });
    await using var reader = await cmd.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? Results.Ok(new { orderId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), customerId = reader.GetString(0), status = reader.GetString(1),
            total = reader.GetDecimal(2), amountPaid = reader.GetDecimal(3) })
        : Results.NotFound();
});

app.MapPost("/api/orders/{id}/payments", async (long id, PaymentBody body) =>
{
    await using var connection = await db.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    await using var pay = new NpgsqlCommand(
        "UPDATE orders SET amount_paid = amount_paid + $2 WHERE order_id = $1 AND amount_paid + $2 <= total AND status <> 'cancelled'", connection, tx);
    pay.Parameters.Add(new() { Value = id });
    pay.Parameters.Add(new() { Value = body.Amount });
    if (await pay.ExecuteNonQueryAsync() == 0)
    {
        return Results.Problem(statusCode: 409, title: "Overpayment", extensions: new Dictionary<string, object?> { ["code"] = "overpayment" });
    }

    await using var record = new NpgsqlCommand("INSERT INTO payments VALUES ($1, $2, $3, $4)", connection, tx);
    record.Parameters.Add(new() { Value = id });
    record.Parameters.Add(new() { Value = body.Method });
    record.Parameters.Add(new() { Value = body.ExternalRef });
    record.Parameters.Add(new() { Value = body.Amount });
    await record.ExecuteNonQueryAsync();
    await tx.CommitAsync();
    return Results.Created($"/api/orders/{id}", null);
});

// Each step is one conditional UPDATE from the status before it; picking needs the order paid; shipping
// also takes the goods off hand, in the same transaction.
foreach (var (step, from, to) in new[] { ("pick", "confirmed", "picking"), ("pack", "picking", "packed"), ("ship", "packed", "shipped"), ("deliver", "shipped", "delivered") })
{
    app.MapPost($"/api/orders/{{id}}/{step}", async (long id) =>
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var move = new NpgsqlCommand(
            $"UPDATE orders SET status = '{to}' WHERE order_id = $1 AND status = '{from}'{(step == "pick" ? " AND amount_paid >= total" : "")}", connection, tx);
        move.Parameters.Add(new() { Value = id });
        if (await move.ExecuteNonQueryAsync() == 0)
        {
            return Results.Problem(statusCode: 409, title: "Invalid transition", extensions: new Dictionary<string, object?> { ["code"] = "invalid_transition" });
        }

        if (step == "ship")
        {
            await using var take = new NpgsqlCommand(
                "UPDATE skus s SET on_hand = s.on_hand - l.quantity FROM order_lines l WHERE l.order_id = $1 AND s.sku = l.sku", connection, tx);
            take.Parameters.Add(new() { Value = id });
            await take.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return Results.Ok(new { orderId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), status = to });
    });
}

app.MapGet("/api/reports/orders", async (string? from, string? to) =>
{
    var first = DateOnly.Parse(from ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    var last = DateOnly.Parse(to ?? first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    await using var cmd = db.CreateCommand("""
        SELECT (created_at AT TIME ZONE 'UTC')::date AS day, status, count(*), sum(total) FROM orders
        WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2
        """);
    cmd.Parameters.Add(new() { Value = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
    cmd.Parameters.Add(new() { Value = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
    await using var reader = await cmd.ExecuteReaderAsync();
    var rows = new List<object>();
    while (await reader.ReadAsync())
    {
        rows.Add(new { day = reader.GetFieldValue<DateOnly>(0), status = reader.GetString(1), count = reader.GetInt64(2), amount = reader.GetDecimal(3) });
    }

    return Results.Ok(new { rows });
});

await app.RunAsync();

internal sealed record SkuBody(string Name, decimal UnitPrice, decimal TaxRate);

internal sealed record ReceiptBody(string Warehouse, int Quantity);

internal sealed record CustomerBody(string Name);

internal sealed record OrderLineBody(string Sku, int Quantity);

internal sealed record PaymentBody(string Method, decimal Amount, string ExternalRef);

internal sealed record OrderBody(string CustomerId, List<OrderLineBody> Lines);
