using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Serialization;
using static OrderActors.Tests.Common.GrainStateSerializer;

namespace OrderActors.Tests.Common;

/// <summary>
/// A state's open page and changes since its snapshot keep each entry's encoding between writes: whatever was
/// added, removed or inserted between two writes, a write reads back as the list it was given, and as the
/// same bytes a fresh list of those entries gives.
/// </summary>
public sealed class EncodedListTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Every_write_of_a_list_changed_at_random_between_writes_reads_back_as_the_list_and_as_a_fresh_lists_bytes()
    {
        var random = new Random(20261208);
        var list = new EncodedList<StockMovement>();
        var expected = new List<StockMovement>();
        var next = 0;
        for (var write = 0; write < 300; write++)
        {
            for (var change = random.Next(1, 6); change > 0; change--)
            {
                switch (random.Next(10))
                {
                    case < 6:
                        var added = Movement(++next);
                        list.Add(added);
                        expected.Add(added);
                        break;
                    case < 8 when expected.Count > 0:
                        var index = random.Next(expected.Count);
                        var count = random.Next(1, expected.Count - index + 1);
                        list.RemoveRange(index, count);
                        expected.RemoveRange(index, count);
                        break;
                    case 8:
                        var at = random.Next(expected.Count + 1);
                        var inserted = new[] { Movement(++next), Movement(++next) };
                        list.InsertRange(at, inserted);
                        expected.InsertRange(at, inserted);
                        break;
                    default:
                        break;
                }
            }

            var bytes = Bytes(list);
            Assert.Equal(expected, Read<EncodedList<StockMovement>>(bytes));
            Assert.Equal(expected, list);
            Assert.Equal(Bytes(new EncodedList<StockMovement>(expected)), bytes);
        }
    }

    [Fact]
    public void A_list_read_back_and_written_again_with_one_more_entry_reads_back_whole()
    {
        var read = Read<EncodedList<StockMovement>>(Bytes(new EncodedList<StockMovement>(Enumerable.Range(1, 40).Select(Movement))));
        read.Add(Movement(41));
        read.RemoveRange(0, 8);

        Assert.Equal(Enumerable.Range(9, 33).Select(Movement), Read<EncodedList<StockMovement>>(Bytes(read)));
    }

    [Fact]
    public void A_skus_open_page_and_reservation_changes_stored_by_the_builds_before_read_back_and_move_into_the_encoded_lists()
    {
        // The builds before stored these lists at the field ids the Earlier… properties now read.
        var state = new SkuStockState();
        var earlierMovements = Enumerable.Range(1, 5).Select(Movement).ToList();
        state.Movements.Months[SkuMovementLog.MonthKey("TEA-1", At)] = new PagedLog<StockMovement> { EarlierOpen = earlierMovements };
        state.Reservations.EarlierChanges = [new ReservationChange("O-1", new Reservation("main", 2)), new ReservationChange("O-2", new Reservation("main", 1))];

        var read = Read<SkuStockState>(Bytes(state));
        read.Reservations.Load(new Dictionary<string, Reservation>());
        read.Movements.Add(Movement(6));
        read.Reservations.Remove("O-1", out _);

        var again = Read<SkuStockState>(Bytes(read));
        again.Reservations.Load(new Dictionary<string, Reservation>());
        var month = again.Movements.Months[SkuMovementLog.MonthKey("TEA-1", At)];
        Assert.Null(month.EarlierOpen);
        Assert.Equal(Enumerable.Range(1, 6).Select(Movement), month.Open);
        Assert.Null(again.Reservations.EarlierChanges);
        Assert.Equal(3, again.Reservations.Changes.Count);
        Assert.False(again.Reservations.ContainsKey("O-1"));
        Assert.True(again.Reservations.TryGetValue("O-2", out var kept));
        Assert.Equal(new Reservation("main", 1), kept);
    }

    [Fact]
    public void A_customers_history_changes_stored_by_the_builds_before_read_back_and_move_into_the_encoded_list()
    {
        var confirmed = new CustomerOrder("O-1", OrderStatus.Confirmed, Channel.Web, 12.5m, 0m, "EUR", At, 1);
        var notice = new Notification("N-1", "orderConfirmation", "Order O-1 is confirmed.", At, "O-1");
        var history = new CustomerHistory { EarlierChanges = [new CustomerHistoryChange(confirmed, null), new CustomerHistoryChange(null, notice)] };

        var read = Read<CustomerHistory>(Bytes(history));
        read.Load(new CustomerHistorySnapshot());
        read.Track(confirmed with { Status = OrderStatus.Shipped, Version = 2 });

        var again = Read<CustomerHistory>(Bytes(read));
        again.Load(new CustomerHistorySnapshot());
        Assert.Null(again.EarlierChanges);
        Assert.Equal(3, again.Changes.Count);
        Assert.Equal(OrderStatus.Shipped, Assert.Single(again.Orders).Status);
        Assert.Equal(notice, Assert.Single(again.Notices));
    }

    [Fact]
    public void A_copied_state_holds_its_own_list_with_the_same_entries()
    {
        var state = new SkuStockState();
        for (var i = 1; i <= 3; i++)
        {
            state.Movements.Add(Movement(i));
        }

        _ = Bytes(state);
        var copy = Services.GetRequiredService<DeepCopier<SkuStockState>>().Copy(state);
        copy.Movements.Add(Movement(4));

        Assert.Equal(Enumerable.Range(1, 3).Select(Movement), state.Movements.Unpublished());
        Assert.Equal(Enumerable.Range(1, 4).Select(Movement), Read<SkuStockState>(Bytes(copy)).Movements.Unpublished());
    }

    [Fact]
    public void An_entry_whose_length_runs_past_the_stored_bytes_is_refused_when_read()
    {
        var bytes = Bytes(new EncodedList<StockMovement>([Movement(1)]));
        var cut = bytes[..^3];

        Assert.ThrowsAny<Exception>(() => Read<EncodedList<StockMovement>>(cut));
    }

    private static StockMovement Movement(int i) =>
        new($"TEA-1:{i}", "TEA-1", "main", MovementKind.Reservation, 0, 1, At.AddSeconds(i), "api-key:web", $"O-{i}");
}
