using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Serialization;

// state-cost: what serializing the grain states written on an order's path costs this process, one state at a
// time (the grain serializer the silos use, no database). Each state is filled as it is on average in a steady
// run: half an open movement page and half the reservation changes a SKU holds between snapshots, half the
// changes a customer's history holds between snapshots, a directory shard of 1,000 customers with half a page of open segment moves.
//   dotnet run -c Release --project bench/OrderActors.StateCost
var services = new ServiceCollection()
    .AddSerializer(b => b.AddAssembly(typeof(SkuStockState).Assembly).AddAssembly(typeof(StockMovement).Assembly))
    .BuildServiceProvider();
var at = DateTimeOffset.UtcNow;

var sku = new SkuStockState { Catalog = new SkuCatalog("Green tea 100 g", 4.5m, 2.1m, 0.07m, "EUR", 10) };
sku.Warehouses["main"] = new WarehouseLevel { OnHand = 10_000, Reserved = 32 };
for (var i = 1; i <= PagedLog<StockMovement>.PageSize / 2; i++)
{
    sku.Movements.Add(new StockMovement($"TEA-1:{i}", "TEA-1", "main", MovementKind.Reservation, 0, 1, at, "api-key:web", $"ord_{Guid.NewGuid():N}"));
}

for (var i = 0; i < ReservationBook.CompactAfter / 2; i++)
{
    sku.Reservations.Set($"ord_{Guid.NewGuid():N}", new Reservation("main", 1));
}

var customer = new CustomerHistory();
for (var i = 0; i < CustomerHistory.SnapshotAfter / 2; i++)
{
    var orderId = $"ord_{Guid.NewGuid():N}";
    if (i % 2 == 0)
    {
        customer.Track(new CustomerOrder(orderId, OrderStatus.Confirmed, Channel.Web, 42.5m, 0m, "EUR", at, 1));
    }
    else
    {
        customer.Notify(new Notification($"N-{i}", NotificationKinds.OrderConfirmation, $"Order {orderId} is confirmed: 3 item(s), total 42.50 EUR.", at, orderId));
    }
}

var directory = new CustomerDirectoryState();
for (var i = 0; i < 1_000; i++)
{
    var id = $"C-{i:D5}";
    directory.Customers[id] = new CustomerSummary(id, $"Customer {i}", "regular",
        new CustomerStats(3, 127.5m, at, at, 42.5m, new Dictionary<Channel, int> { [Channel.Web] = 3 }), at);
}

// Its segment moves are a paged log: what a flush writes holds the open page, half full on average.
for (var i = 0; i < PagedLog<SegmentMove>.PageSize / 2; i++)
{
    directory.MoveLog.Open.Add(new SegmentMove($"C-{i:D5}", "new", "regular", at));
}

Console.WriteLine("| state | bytes | write µs | read µs |");
Console.WriteLine("| --- | --- | --- | --- |");
Measure("SKU (32 movements, 32 reservation changes)", sku, 20_000);
Measure("customer history (8 changes)", customer, 50_000);
Measure("directory shard (1,000 customers, 32 open moves)", directory, 300);

void Measure<T>(string name, T value, int times)
{
    var serializer = services.GetRequiredService<Serializer<T>>();
    var bytes = serializer.SerializeToArray(value);
    double write = double.MaxValue, read = double.MaxValue;
    for (var round = 0; round < 5; round++)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            serializer.SerializeToArray(value);
        }

        write = Math.Min(write, clock.Elapsed.TotalMicroseconds / times);
        clock.Restart();
        for (var i = 0; i < times; i++)
        {
            serializer.Deserialize(bytes);
        }

        read = Math.Min(read, clock.Elapsed.TotalMicroseconds / times);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes.Length:N0} | {write:F1} | {read:F1} |"));
}
