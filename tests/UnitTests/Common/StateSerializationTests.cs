using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;
using static OrderActors.Tests.Common.GrainStateSerializer;

namespace OrderActors.Tests.Common;

/// <summary>
/// The entries grain states hold in bulk (movements, reservation changes, customer summaries) are written
/// without reference tracking: an instance held twice is written twice and read back as two equal values.
/// </summary>
public sealed class StateSerializationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_skus_movements_and_reservations_read_back_as_written_when_one_reservation_is_held_twice()
    {
        var state = new SkuStockState();
        state.Warehouses["main"] = new WarehouseLevel { OnHand = 40, Reserved = 4 };
        var movements = Enumerable.Range(1, 70).Select(i => new StockMovement(
            $"TEA-1:{i}", "TEA-1", "main", MovementKind.Reservation, 0, 1, At.AddSeconds(i), "api-key:web", $"O-{i}")).ToList();
        movements.ForEach(state.Movements.Add);
        var shared = new Reservation("main", 2);
        state.Reservations.Set("O-1", shared);
        state.Reservations.Set("O-2", shared);
        state.Reservations.Set("O-3", new Reservation("north", 1));
        state.Reservations.Remove("O-3", out _);

        var read = RoundTrip(state);
        read.Reservations.Load(new Dictionary<string, Reservation>());

        Assert.Equal(movements, read.Movements.Unpublished());
        Assert.Equal(4, read.Reservations.Changes.Count);
        Assert.Equal(2, read.Reservations.Count);
        Assert.True(read.Reservations.TryGetValue("O-1", out var first));
        Assert.True(read.Reservations.TryGetValue("O-2", out var second));
        Assert.Equal(shared, first);
        Assert.Equal(shared, second);
        Assert.NotSame(first, second);
        Assert.False(read.Reservations.ContainsKey("O-3"));
    }

    [Fact]
    public void A_directory_shard_reads_back_as_written_when_its_customers_share_one_stats_value()
    {
        var state = new CustomerDirectoryState();
        for (var i = 0; i < 100; i++)
        {
            var id = $"C-{i}";
            state.Customers[id] = new CustomerSummary(id, $"Customer {i}", "new", CustomerStats.None, At);
            state.MoveLog.Open.Add(new SegmentMove(id, "none", "new", At));
        }

        var read = RoundTrip(state);

        Assert.Equal(state.Customers.Keys.Order(), read.Customers.Keys.Order());
        Assert.All(read.Customers.Values, s => Assert.Equal(0, s.Stats.OrderCount));
        Assert.All(read.Customers, c => Assert.Equal(state.Customers[c.Key] with { Stats = c.Value.Stats }, c.Value));
        Assert.Equal(state.MoveLog.Open, read.MoveLog.Open);
    }

    [Fact]
    public void A_customers_history_reads_back_as_written_when_one_order_report_is_held_twice()
    {
        var history = new CustomerHistory();
        var order = new CustomerOrder("O-1", OrderStatus.Confirmed, Channel.Web, 12.5m, 0m, "EUR", At, 1);
        history.Track(order);
        history.Notify(new Notification("N-1", "orderConfirmation", "Order O-1 is confirmed.", At, "O-1"));
        history.Changes.Add(history.Changes[0]);

        var read = RoundTrip(history);

        Assert.Equal(history.Changes, read.Changes);
        Assert.NotSame(read.Changes[0], read.Changes[2]);
    }
}
