using OrderActors.Common;
using OrderActors.Stock;
using Orleans.Runtime;

namespace OrderActors.Tests.Stock;

/// <summary>
/// A SKU stores its reservations as changes since a snapshot: the state it writes with each reservation
/// stays small however many orders are open, and a new activation rebuilds exactly the open reservations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReservationBookTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task Hundreds_of_open_reservations_are_written_as_a_few_changes_and_read_back_exactly()
    {
        var sku = await _s.Sku("BOOK", 1m, ("SH", 400), ("BJ", 300));
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        var orders = Enumerable.Range(0, 400).Select(i => $"{sku}-o{i}").ToList();

        // In parallel, so that writes cover several changes and compactions overlap later reservations.
        var reserved = await Task.WhenAll(orders.Select((o, i) => stock.Reserve(o, 1 + (i % 2), null)));
        Assert.All(reserved, r => Assert.True(r.Reserved));
        var released = orders.Where((_, i) => i % 5 == 0).ToList();
        var shipped = orders.Where((_, i) => i % 5 == 1).ToList();
        Assert.All(await Task.WhenAll(released.Select(stock.Release)), Assert.True);
        Assert.All(await Task.WhenAll(shipped.Select(stock.Ship)), Assert.True);
        var open = orders.Except(released).Except(shipped).ToList();
        var before = (await stock.Get())!.Stock;

        // What is stored: the changes since the last snapshot, not every reservation (560 changes were made). A
        // snapshot is due after 64 to 96 changes, and the changes made while it is written join the next one.
        var stored = new GrainState<SkuStockState>(new SkuStockState());
        await fixture.Storage(StorageNames.Stock).ReadStateAsync("sku", GrainId.Create("sku-stock", sku), stored);
        Assert.InRange(stored.State!.Reservations.Changes.Count, 0, 3 * ReservationBook.CompactAfter);
        Assert.Empty(stored.State!.EarlierReservations);

        await fixture.DeactivateAll();
        var held = await Task.WhenAll(orders.Select(stock.HeldFor));
        Assert.Equal(open.Count, held.Count(w => w is not null));
        Assert.All(released.Concat(shipped), o => Assert.Null(held[orders.IndexOf(o)]));
        var after = (await stock.Get())!.Stock;
        Assert.Equal((before.OnHand, before.Reserved), (after.OnHand, after.Reserved));
        Assert.Equal(before.Warehouses, after.Warehouses);
        Assert.Equal(Enumerable.Range(0, orders.Count).Where(i => i % 5 > 1).Sum(i => 1 + (i % 2)), after.Reserved);

        // Repeats after the reload: a released order is not released twice, an open one reserves once.
        Assert.False(await stock.Release(released[0]));
        Assert.Equal(held[orders.IndexOf(open[0])], (await stock.Reserve(open[0], 1, null)).Warehouse);
        Assert.True(await stock.Release(open[1]));
        Assert.Equal(before.Reserved - 1 - (orders.IndexOf(open[1]) % 2), (await stock.Get())!.Stock.Reserved);
    }

    [Fact]
    public async Task A_sku_stored_by_an_earlier_build_keeps_its_reservations()
    {
        var sku = await _s.Sku("EARLIER", 1m, ("SH", 10));
        var id = GrainId.Create("sku-stock", sku);
        await fixture.DeactivateAll();

        // As builds before the reservation book stored it: every reservation in the state itself.
        var stored = new GrainState<SkuStockState>(new SkuStockState());
        await fixture.Storage(StorageNames.Stock).ReadStateAsync("sku", id, stored);
        var earlier = stored.State!;
        earlier.EarlierReservations["early-1"] = new Reservation("SH", 3);
        earlier.EarlierReservations["early-2"] = new Reservation("SH", 2);
        earlier.Warehouses["SH"].Reserved = 5;
        await fixture.Storage(StorageNames.Stock).WriteStateAsync("sku", id, stored);

        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        Assert.Equal("SH", await stock.HeldFor("early-1"));
        Assert.True(await stock.Ship("early-2"));
        Assert.True((await stock.Reserve("late-1", 4, null)).Reserved);

        await fixture.DeactivateAll();
        Assert.Equal("SH", await stock.HeldFor("early-1"));
        Assert.Null(await stock.HeldFor("early-2"));
        Assert.Equal("SH", await stock.HeldFor("late-1"));
        var levels = (await stock.Get())!.Stock;
        Assert.Equal((8, 7), (levels.OnHand, levels.Reserved));
    }
}
