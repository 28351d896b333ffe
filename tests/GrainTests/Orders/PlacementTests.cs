using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Runtime;

namespace OrderActors.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class PlacementTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task An_auto_approved_order_is_confirmed_with_its_stock_reserved_in_one_warehouse()
    {
        var tea = await _s.Sku("TEA", 199m, ("SH", 10), ("BJ", 3));
        var cup = await _s.Sku("CUP", 29.9m, ("BJ", 5));
        var customer = await _s.Customer();

        var result = await _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (tea, 2), (cup, 1)));

        Assert.Null(result.Failure);
        Assert.True(result.Created);
        Assert.Equal(OrderStatus.Confirmed, result.Order!.Status);
        Assert.Equal("BJ", result.Order.Warehouse);
        Assert.Equal(427.90m, result.Order.Total);
        Assert.Equal(49.23m, result.Order.Tax);
        Assert.Equal(2, (await _s.Stock(tea)).Warehouses.Single(w => w.Warehouse == "BJ").Reserved);
        Assert.Equal(1, (await _s.Stock(cup)).Reserved);
    }

    [Fact]
    public async Task A_short_order_with_reject_is_refused_naming_the_sku_and_leaves_nothing_reserved()
    {
        var plenty = await _s.Sku("PLENTY", 5m, ("SH", 100));
        var scarce = await _s.Sku("SCARCE", 5m, ("SH", 1));
        var customer = await _s.Customer();
        var order = _s.NewOrder();

        var result = await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (plenty, 3), (scarce, 2)));

        Assert.Equal(ErrorCodes.OutOfStock, result.Failure!.Code);
        Assert.Equal([scarce], result.Failure.Items);
        Assert.Equal(0, (await _s.Stock(plenty)).Reserved);
        Assert.Equal(0, (await _s.Stock(scarce)).Reserved);
        Assert.Null(await order.Get());
    }

    [Fact]
    public async Task Unknown_skus_and_customers_are_refused()
    {
        var sku = await _s.Sku("REAL", 5m, ("SH", 1));
        var customer = await _s.Customer();

        var unknownSku = await _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1), (_s.Key("NOPE"), 1)));
        var unknownCustomer = await _s.NewOrder().Place(Scenario.Order(_s.Key("nobody"), ShortagePolicy.Reject, (sku, 1)));

        Assert.Equal(ErrorCodes.UnknownSku, unknownSku.Failure!.Code);
        Assert.Equal(ErrorCodes.UnknownCustomer, unknownCustomer.Failure!.Code);
        Assert.Equal(0, (await _s.Stock(sku)).Reserved);
    }

    [Fact]
    public async Task Placing_again_under_the_same_order_id_answers_the_same_order_and_reserves_once()
    {
        var sku = await _s.Sku("ONCE", 5m, ("SH", 10));
        var customer = await _s.Customer();
        var order = _s.NewOrder();

        var first = await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 4)));
        var again = await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 4)));

        Assert.True(first.Created);
        Assert.True(again.Created);
        Assert.Equal(first.Order!.OrderId, again.Order!.OrderId);
        Assert.Equal(4, (await _s.Stock(sku)).Reserved);
    }

    [Fact]
    public async Task Large_orders_wait_for_review_and_approval_reserves_their_stock()
    {
        var sku = await _s.Sku("BIG", 3000m, ("SH", 10));
        var customer = await _s.Customer();
        var order = _s.NewOrder();

        var placed = await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)));
        Assert.Equal(OrderStatus.PendingReview, placed.Order!.Status);
        Assert.Equal(0, (await _s.Stock(sku)).Reserved);
        Assert.Contains(await fixture.Grains.GetGrain<IReviewQueueGrain>(0).List(200), e => e.OrderId == placed.Order.OrderId);

        var approved = await order.Review(ReviewDecision.Approve, "known buyer", "clerk");
        Assert.Equal(OrderStatus.Confirmed, approved.Order!.Status);
        Assert.Equal(2, (await _s.Stock(sku)).Reserved);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IReviewQueueGrain>(0).List(200), e => e.OrderId == placed.Order.OrderId);

        var repeated = await order.Review(ReviewDecision.Approve, null, "clerk");
        Assert.Equal(OrderStatus.Confirmed, repeated.Order!.Status);
        Assert.Equal(2, (await _s.Stock(sku)).Reserved);
    }

    [Fact]
    public async Task A_rejected_order_is_modified_and_resubmitted()
    {
        var sku = await _s.Sku("MOD", 10m, ("SH", 100));
        var customer = await _s.Customer("picky", requiresReview: true);
        var order = _s.NewOrder();
        await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)));

        var rejected = await order.Review(ReviewDecision.Reject, "too many", "clerk");
        Assert.Equal(OrderStatus.Rejected, rejected.Order!.Status);
        Assert.Equal(ErrorCodes.InvalidTransition, (await order.Pick("warehouse")).Failure!.Code);

        var modified = await order.ModifyLines([new OrderLineRequest(sku, 1)], "customer");
        Assert.Equal(OrderStatus.PendingReview, modified.Order!.Status);
        Assert.Equal(10m, modified.Order.Total);

        var approved = await order.Review(ReviewDecision.Approve, null, "clerk");
        Assert.Equal(OrderStatus.Confirmed, approved.Order!.Status);
        Assert.Equal(1, (await _s.Stock(sku)).Reserved);
        Assert.Equal(
            [OrderStatus.PendingReview, OrderStatus.Rejected, OrderStatus.PendingReview, OrderStatus.Confirmed],
            approved.Order.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Backorders_fill_first_come_first_served_as_stock_arrives()
    {
        var sku = await _s.Sku("BACK", 10m);
        var customer = await _s.Customer();
        var first = _s.NewOrder();
        var second = _s.NewOrder();
        Assert.Equal(OrderStatus.AwaitingStock, (await first.Place(Scenario.Order(customer, ShortagePolicy.Backorder, (sku, 5)))).Order!.Status);
        Assert.Equal(OrderStatus.AwaitingStock, (await second.Place(Scenario.Order(customer, ShortagePolicy.Backorder, (sku, 5)))).Order!.Status);

        await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 7, "PO-1", "warehouse"));
        Assert.Equal(OrderStatus.Confirmed, (await first.Get())!.Status);
        Assert.Equal(OrderStatus.AwaitingStock, (await second.Get())!.Status);
        Assert.Equal(5, (await _s.Stock(sku)).Reserved);

        await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 3, "PO-2", "warehouse"));
        Assert.Equal(OrderStatus.Confirmed, (await second.Get())!.Status);
        Assert.Equal(10, (await _s.Stock(sku)).Reserved);

        var notices = await fixture.Grains.GetGrain<IOperationsNoticeGrain>(0).List(1000);
        Assert.Contains(notices, n => n.Sku == sku && n.Kind == NotificationKinds.Shortage);
        Assert.Contains(notices, n => n.Sku == sku && n.Kind == NotificationKinds.Replenishment);
    }

    [Fact]
    public async Task An_order_placed_through_a_silos_order_desk_is_activated_in_that_silo()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 100));
        var customer = await _s.Customer();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);

        // Requests that start in a silo (as HTTP requests do in an API host that is a silo) reach that
        // silo's desk; the orders it places live there too, so their own calls and writes stay local.
        foreach (var silo in fixture.Cluster.Silos)
        {
            var grains = silo.ServiceProvider.GetRequiredService<IGrainFactory>();
            for (var i = 0; i < 8; i++)
            {
                var orderId = _s.Key($"local-{i}-{silo.SiloAddress.Endpoint.Port}");
                var result = await grains.GetGrain<IOrderDeskGrain>(0).PlaceNew(orderId, Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1)));

                Assert.Equal(OrderStatus.Confirmed, result.Order!.Status);
                Assert.Equal(silo.SiloAddress, await management.GetActivationAddress(grains.GetGrain<IOrderGrain>(orderId)));
            }
        }
    }

    [Fact]
    public async Task An_order_under_an_id_the_desk_mints_is_in_its_own_silos_part_of_the_grain_directory()
    {
        var tea = await _s.Sku("TEA", 5m, ("SH", 100));
        var customer = await _s.Customer();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);

        // Orleans looks a new grain up, and registers its activation, in the silo that owns the id's place on the
        // directory's ring: with ids drawn at random, most new orders would cost two calls to another silo. (A silo
        // with a sliver of the ring may not find an id of its own among the candidates: its ids are not checked.)
        var checkedSilos = 0;
        foreach (var silo in fixture.Cluster.Silos)
        {
            var grains = silo.ServiceProvider.GetRequiredService<IGrainFactory>();
            var owner = await SettledDirectoryOwner(silo.ServiceProvider);
            var share = silo.ServiceProvider.GetRequiredService<DirectoryLocalIds>().Share;
            checkedSilos += share >= 0.02 ? 1 : 0;
            for (var i = 0; i < 8 && share >= 0.02; i++)
            {
                var result = await grains.GetGrain<IOrderDeskGrain>(0).Place(Scenario.Order(customer, ShortagePolicy.Reject, (tea, 1)));

                Assert.Equal(OrderStatus.Confirmed, result.Order!.Status);
                var order = grains.GetGrain<IOrderGrain>(result.Order.OrderId);
                Assert.Equal(silo.SiloAddress, await management.GetActivationAddress(order));
                Assert.Equal(silo.SiloAddress, owner(order.GetGrainId()));
                Assert.Equal(result.Order.Version, (await order.Get())!.Version);
            }
        }

        Assert.NotEqual(0, checkedSilos);
    }

    [Fact]
    public async Task Which_ids_a_silo_owns_in_the_grain_directory_is_decided_as_orleans_decides_it()
    {
        var grainIds = Enumerable.Range(0, 500).Select(_ => GrainId.Create("order", OrderIds.New(TimeProvider.System))).ToList();
        var owners = new int[grainIds.Count];
        foreach (var silo in fixture.Cluster.Silos)
        {
            var ids = silo.ServiceProvider.GetRequiredService<DirectoryLocalIds>();
            var owner = await SettledDirectoryOwner(silo.ServiceProvider);
            var owned = 0;
            for (var i = 0; i < grainIds.Count; i++)
            {
                var mine = owner(grainIds[i]) == silo.SiloAddress;
                Assert.Equal(mine, ids.OwnsHere(grainIds[i]));
                owned += mine ? 1 : 0;
                owners[i] += mine ? 1 : 0;
            }

            // The share is the one the draws saw.
            Assert.InRange(owned / (double)grainIds.Count, ids.Share - 0.1, ids.Share + 0.1);
        }

        // Every id has one owner, so the comparisons above met both answers.
        Assert.All(owners, count => Assert.Equal(1, count));
    }

    /// <summary>
    /// <see cref="DirectoryOwner"/> once the directory has taken in the cluster's membership: a silo's directory
    /// hears of a silo joining a moment after its membership view does (the cluster may have just started).
    /// </summary>
    private async Task<Func<GrainId, SiloAddress?>> SettledDirectoryOwner(IServiceProvider services)
    {
        var owner = DirectoryOwner(services);
        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress).ToHashSet();
        var ids = Enumerable.Range(0, 200).Select(_ => GrainId.Create("order", OrderIds.New(TimeProvider.System))).ToList();
        for (var waited = 0; ids.Select(owner).Distinct().Count(o => o is not null && silos.Contains(o)) < silos.Count && waited < 200; waited++)
        {
            await Task.Delay(100);
        }

        return owner;
    }

    /// <summary>The silo Orleans' own grain directory, as this silo sees it, asks about a grain id (an internal of Orleans).</summary>
    private static Func<GrainId, SiloAddress?> DirectoryOwner(IServiceProvider services)
    {
        var type = Type.GetType("Orleans.Runtime.GrainDirectory.ILocalGrainDirectory, Orleans.Runtime", throwOnError: true)!;
        var directory = services.GetRequiredService(type);
        var calculate = directory.GetType().GetMethod("CalculateGrainDirectoryPartition")
            ?? throw new InvalidOperationException(string.Join(", ", directory.GetType().GetMethods().Select(m => m.Name)));
        return grainId => (SiloAddress?)calculate.Invoke(directory, [grainId]);
    }
}
