using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Runtime;

namespace OrderActors.Tests.Stock;

/// <summary>
/// What placement reads is cached in each silo under leases (<see cref="ReadLeases"/>); a change that a cached
/// copy would get wrong revokes the copies first, in every silo, so the next read after it is answered sees it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadLeaseTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    public enum StockChange { Receipt, Release, AdjustUp, Transfer, Return, CountUp, PriceChange }

    [Theory]
    [InlineData(StockChange.Receipt)]
    [InlineData(StockChange.Release)]
    [InlineData(StockChange.AdjustUp)]
    [InlineData(StockChange.Transfer)]
    [InlineData(StockChange.Return)]
    [InlineData(StockChange.CountUp)]
    [InlineData(StockChange.PriceChange)]
    public async Task Every_silo_reads_a_lent_sku_without_a_call_until_a_change_revokes_it(StockChange change)
    {
        var sku = await _s.Sku("LENT", 10m, ("SH", 5), ("BJ", 1));
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        await stock.Reserve("held", 2, ["SH"]);
        foreach (var silo in Silos())
        {
            Assert.True((await Read(silo, sku)).Called);
            Assert.False((await Read(silo, sku)).Called);
        }

        await Apply(change, sku);

        var truth = (await stock.Get())!;
        foreach (var silo in Silos())
        {
            var (read, called) = await Read(silo, sku);
            Assert.True(called);
            Assert.Equal(truth.Stock, read!.Stock, StockLevelsComparer.Instance);
            Assert.Equal(truth.Catalog, read.Catalog);
        }
    }

    [Fact]
    public async Task A_reservation_leaves_what_silos_hold_lent_and_lowers_what_its_own_silo_holds()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 10));
        var customer = await _s.Customer();
        var silo = Silos()[0];
        Assert.Equal(10, (await Read(silo, tea)).Value!.Stock.Available);

        var placed = await silo.Grains.GetGrain<IOrderDeskGrain>(0).Place(Scenario.Order(customer, ShortagePolicy.Reject, (tea, 4)));

        Assert.Equal(OrderStatus.Confirmed, placed.Order!.Status);
        var (held, called) = await Read(silo, tea);
        Assert.False(called);
        Assert.Equal(6, held!.Stock.Available);
        Assert.Equal(6, held.Stock.Warehouses.Single().Available);
    }

    [Fact]
    public async Task After_a_sell_out_a_silo_refuses_from_what_it_holds_and_sells_stock_the_moment_it_arrives()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 3));
        var customer = await _s.Customer();
        var silo = Silos()[0];
        var desk = silo.Grains.GetGrain<IOrderDeskGrain>(0);
        var one = Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(OrderStatus.Confirmed, (await desk.Place(one)).Order!.Status);
        }

        Assert.Equal(ErrorCodes.OutOfStock, (await desk.Place(one)).Failure!.Code);
        Assert.Equal(0, (await Read(silo, tea)).Value!.Stock.Available);

        await fixture.Grains.GetGrain<IReplenishmentGrain>(tea).Receive(new ReceiveStock("SH", 2, "test", "test"));

        Assert.Equal(OrderStatus.Confirmed, (await desk.Place(one)).Order!.Status);
        Assert.Equal(OrderStatus.Confirmed, (await desk.Place(one)).Order!.Status);
        Assert.Equal(ErrorCodes.OutOfStock, (await desk.Place(one)).Failure!.Code);
        Assert.Equal(5, (await _s.Stock(tea)).Reserved);
    }

    [Fact]
    public async Task A_silo_holding_a_sold_out_sku_and_its_buyer_gives_the_desks_refusal_alone_until_a_receipt()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 1));
        var coffee = await _s.Sku("COFFEE", 5m, ("SH", 100));
        var customer = await _s.Customer();
        var silo = Silos()[0];
        var desk = silo.Grains.GetGrain<IOrderDeskGrain>(0);
        var one = Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1));
        Assert.Null(Held(silo, one));
        Assert.Equal(OrderStatus.Confirmed, (await desk.Place(one)).Order!.Status);
        var refused = (await desk.Place(one)).Failure!;
        await Read(silo, coffee);

        var held = Held(silo, one)!;
        Assert.Equal((ErrorCodes.OutOfStock, refused.Detail), (held.Code, held.Detail));
        Assert.Equal(refused.Items, held.Items);
        Assert.Equal([tea], Held(silo, Scenario.Order(customer, ShortagePolicy.Reject, (coffee, 1), (tea, 1)))!.Items);

        // What the desk would not refuse: a backorder, an order for review, a buyer or a SKU not held.
        Assert.Null(Held(silo, Scenario.Order(customer, ShortagePolicy.Backorder, (tea, 1))));
        Assert.Null(Held(silo, Scenario.Order(customer, ShortagePolicy.Reject, (tea, Options().MaxLineQuantity + 1))));
        Assert.Null(Held(silo, Scenario.Order(await _s.Customer("other"), ShortagePolicy.Reject, (tea, 1))));
        Assert.Null(Held(silo, Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1), (await _s.Sku("UNREAD", 1m, ("SH", 5)), 1))));
        Assert.Null(Held(silo, Scenario.Order(customer, ShortagePolicy.Reject, (coffee, 1))));

        await fixture.Grains.GetGrain<IReplenishmentGrain>(tea).Receive(new ReceiveStock("SH", 1, "test", "test"));
        Assert.Null(Held(silo, one));
        Assert.Equal(OrderStatus.Confirmed, (await desk.Place(one)).Order!.Status);
        Assert.NotNull(Held(silo, one));

        // A buyer who now needs review goes to the queue: the revoked flag is read again, and held as true.
        await fixture.Grains.GetGrain<ICustomerGrain>(customer).Upsert(new CustomerProfile("customer", null, null, true));
        Assert.Null(Held(silo, one));
        Assert.Equal((true, true), await ReadFlag(silo, customer));
        Assert.Null(Held(silo, one));
        Assert.Equal(OrderStatus.PendingReview, (await desk.Place(one)).Order!.Status);
    }

    [Fact]
    public async Task Orders_from_both_silos_racing_receipts_sell_every_unit_received_and_no_more()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 1));
        var customer = await _s.Customer();
        var one = Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1));
        var desks = Silos().Select(s => s.Grains.GetGrain<IOrderDeskGrain>(0)).ToList();
        var replenishment = fixture.Grains.GetGrain<IReplenishmentGrain>(tea);

        // 400 attempts through both silos' desks while 20 receipts of 5 arrive: 101 units in all.
        var attempts = Enumerable.Range(0, 400).Select(i => desks[i % 2].Place(one)).ToList();
        var receipts = Enumerable.Range(0, 20).Select(i => replenishment.Receive(new ReceiveStock(i % 2 == 0 ? "SH" : "BJ", 5, "test", $"r{i}"))).ToList();
        await Task.WhenAll(receipts);
        var raced = await Task.WhenAll(attempts);

        // Then, one at a time, until a refusal: a refusal may only come when nothing is left.
        var sold = raced.Count(r => r.Failure is null);
        Assert.All(raced.Where(r => r.Failure is not null), r => Assert.Equal(ErrorCodes.OutOfStock, r.Failure!.Code));
        for (var i = 0; i < 2; i++)
        {
            while ((await desks[i].Place(one)).Failure is null)
            {
                sold++;
            }
        }

        var levels = await _s.Stock(tea);
        Assert.Equal(101, sold);
        Assert.Equal(101, levels.Reserved);
        Assert.Equal(0, levels.Available);
    }

    [Fact]
    public async Task A_review_flag_change_revokes_it_in_every_silo_and_a_name_change_does_not()
    {
        var customerId = await _s.Customer("flagged");
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(customerId);
        foreach (var silo in Silos())
        {
            Assert.Equal((false, true), await ReadFlag(silo, customerId));
        }

        await customer.Upsert(new CustomerProfile("renamed", null, null, false));
        foreach (var silo in Silos())
        {
            Assert.Equal((false, false), await ReadFlag(silo, customerId));
        }

        await customer.Upsert(new CustomerProfile("renamed", null, null, true));
        foreach (var silo in Silos())
        {
            Assert.Equal((true, true), await ReadFlag(silo, customerId));
        }

        var tea = await _s.Sku("TEA", 5m, ("SH", 10));
        var placed = await Silos()[0].Grains.GetGrain<IOrderDeskGrain>(0).Place(Scenario.Order(customerId, ShortagePolicy.Reject, (tea, 1)));
        Assert.Equal(OrderStatus.PendingReview, placed.Order!.Status);
    }

    [Fact]
    public async Task An_answer_on_its_way_when_its_lease_is_revoked_is_not_kept()
    {
        var sku = await _s.Sku("RACE", 10m, ("SH", 5));
        var silo = Silos()[0];
        var stock = silo.Grains.GetGrain<ISkuStockGrain>(sku);

        var read = await silo.Leases.Read(stock.GetGrainId(), async holder =>
        {
            var answer = await stock.Lease(holder);
            await silo.Leases.Revoke(stock.GetGrainId());
            return answer;
        });

        Assert.Equal(5, read!.Stock.Available);
        Assert.True((await Read(silo, sku)).Called);
    }

    [Fact]
    public async Task A_sku_leaving_while_it_lends_ends_its_leases_and_stores_a_closed_window()
    {
        var sku = await _s.Sku("LEAVING", 10m, ("SH", 5));
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        foreach (var silo in Silos())
        {
            Assert.True((await Read(silo, sku)).Called);
        }

        Assert.True((await Stored(sku)).LendingUntil > DateTimeOffset.UtcNow);
        await fixture.Cluster.DeactivateAsync(stock);
        await fixture.Cluster.WaitForDeactivationAsync(stock);

        // Its next activation finds no open window, so its first change waits for nothing; the caches hold nothing.
        Assert.Equal(default, (await Stored(sku)).LendingUntil);
        foreach (var silo in Silos())
        {
            Assert.True((await Read(silo, sku)).Called);
        }
    }

    private OrderOptions Options() => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<OrderOptions>>().Value;

    private Failure? Held((ReadLeases Leases, IGrainFactory Grains) silo, PlaceOrder order) =>
        PlacementCheck.HeldShortage(silo.Grains, silo.Leases, Options(), order);

    private async Task<SkuStockState> Stored(string sku)
    {
        var stored = new GrainState<SkuStockState>(new SkuStockState());
        await fixture.Storage(StorageNames.Stock).ReadStateAsync("sku", GrainId.Create("sku-stock", sku), stored);
        return stored.State!;
    }

    private async Task Apply(StockChange change, string sku)
    {
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        var applied = change switch
        {
            StockChange.Receipt => await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("BJ", 2, "test", "test")) is not null,
            StockChange.Release => await stock.Release("held"),
            StockChange.AdjustUp => (await stock.Adjust("up", "BJ", 2, AdjustmentReason.Found, null, "test")).Failure is null,
            StockChange.Transfer => (await stock.Transfer("move", "SH", "BJ", 2, null, "test")).Failure is null,
            StockChange.Return => (await stock.Restock("return", "BJ", 1, "test")).Failure is null,
            StockChange.CountUp => (await stock.CorrectCount("count", "BJ", 3, "test")).Failure is null,
            StockChange.PriceChange => (await stock.Upsert(new SkuCatalog("LENT", 12m, 5m, 0.13m, "CNY", 5))).Sku.Catalog.UnitPrice == 12m,
            _ => false,
        };
        Assert.True(applied);
    }

    private (ReadLeases Leases, IGrainFactory Grains)[] Silos() => fixture.Cluster.Silos
        .Select(s => (s.ServiceProvider.GetRequiredService<ReadLeases>(), s.ServiceProvider.GetRequiredService<IGrainFactory>()))
        .ToArray();

    /// <summary>Reads a SKU through a silo's cache; whether the read reached the SKU.</summary>
    private static Task<(SkuSnapshot? Value, bool Called)> Read((ReadLeases Leases, IGrainFactory Grains) silo, string sku)
    {
        var stock = silo.Grains.GetGrain<ISkuStockGrain>(sku);
        return Counted(silo.Leases, stock.GetGrainId(), stock.Lease, s => s.Version);
    }

    private static Task<(bool? Value, bool Called)> ReadFlag((ReadLeases Leases, IGrainFactory Grains) silo, string customerId)
    {
        var customer = silo.Grains.GetGrain<ICustomerGrain>(customerId);
        return Counted(silo.Leases, customer.GetGrainId(), customer.LeaseReviewFlag);
    }

    private static async Task<(T? Value, bool Called)> Counted<T>(
        ReadLeases leases, GrainId subject, Func<IReadLeaseHolder?, Task<Leased<T>>> lease, Func<T, int>? version = null)
    {
        var called = false;
        var value = await leases.Read(subject, holder =>
        {
            called = true;
            return lease(holder);
        }, version);
        return (value, called);
    }

    private sealed class StockLevelsComparer : IEqualityComparer<StockLevels>
    {
        public static readonly StockLevelsComparer Instance = new();

        public bool Equals(StockLevels? x, StockLevels? y) =>
            x is not null && y is not null && x.OnHand == y.OnHand && x.Reserved == y.Reserved && x.Warehouses.SequenceEqual(y.Warehouses);

        public int GetHashCode(StockLevels obj) => obj.OnHand;
    }
}
