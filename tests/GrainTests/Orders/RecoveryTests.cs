using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrderActors.Tests.Orders;

/// <summary>
/// An order grain that died between persisting its intent and persisting the outcome: the next
/// activation finishes or compensates the stock work. The state is planted directly in storage,
/// as a crash would have left it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecoveryTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    private async Task Plant(string orderId, OrderState state)
    {
        var storage = fixture.Storage(StorageNames.Orders);
        await storage.WriteStateAsync("order", GrainId.Create("order", orderId), new GrainState<OrderState>(state));
    }

    private static OrderState Intent(string customer, string sku, int quantity, PendingStockWork pending) => new()
    {
        CustomerId = customer,
        Lines = [new OrderLine(sku, sku, quantity, 10m, 0.13m, 10m * quantity)],
        CreatedAt = DateTimeOffset.UtcNow,
        Pending = pending,
    };

    [Fact]
    public async Task A_placement_that_died_after_reserving_is_compensated_on_the_next_activation()
    {
        var sku = await _s.Sku("DIED", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await fixture.Grains.GetGrain<ISkuStockGrain>(sku).Reserve(orderId, 3, null);
        await Plant(orderId, Intent(customer, sku, 3, PendingStockWork.Reserving));

        Assert.Null(await fixture.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.Equal(0, (await _s.Stock(sku)).Reserved);
    }

    [Fact]
    public async Task A_retried_placement_after_the_crash_reserves_again_exactly_once()
    {
        var sku = await _s.Sku("RETRIED", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await fixture.Grains.GetGrain<ISkuStockGrain>(sku).Reserve(orderId, 3, null);
        await Plant(orderId, Intent(customer, sku, 3, PendingStockWork.Reserving));

        var result = await fixture.Grains.GetGrain<IOrderGrain>(orderId).Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 3)));

        Assert.Equal(OrderStatus.Confirmed, result.Order!.Status);
        Assert.Equal(3, (await _s.Stock(sku)).Reserved);
    }

    private static OrderState StoredConfirmed(string customer, string sku, int quantity)
    {
        var state = Intent(customer, sku, quantity, PendingStockWork.Confirming);
        state.Exists = true;
        state.Status = OrderStatus.Confirmed;
        state.Version = 1;
        state.History = [new StatusEntry(OrderStatus.Confirmed, DateTimeOffset.UtcNow, "c", "auto-approved")];
        return state;
    }

    [Fact]
    public async Task A_new_order_stored_as_confirmed_stands_when_its_reservation_was_stored_before_the_crash()
    {
        var sku = await _s.Sku("CONFIRMHELD", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await fixture.Grains.GetGrain<ISkuStockGrain>(sku).Reserve(orderId, 3, null);
        await Plant(orderId, StoredConfirmed(customer, sku, 3));

        var order = await fixture.Grains.GetGrain<IOrderGrain>(orderId).Get();

        Assert.Equal(OrderStatus.Confirmed, order!.Status);
        Assert.Equal(3, (await _s.Stock(sku)).Reserved);
        Assert.Contains(await fixture.Grains.GetGrain<OrderActors.Customers.ICustomerGrain>(customer).ListNotifications(10),
            n => n.OrderId == orderId && n.Kind == NotificationKinds.OrderConfirmation);
    }

    [Fact]
    public async Task A_new_order_stored_as_confirmed_never_existed_when_its_reservation_was_not_made()
    {
        var sku = await _s.Sku("CONFIRMLOST", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await Plant(orderId, StoredConfirmed(customer, sku, 3));

        Assert.Null(await fixture.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.Equal(0, (await _s.Stock(sku)).Reserved);
    }

    [Fact]
    public async Task A_shipment_that_died_half_way_is_finished_on_the_next_activation()
    {
        var sku = await _s.Sku("HALFSHIP", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await fixture.Grains.GetGrain<ISkuStockGrain>(sku).Reserve(orderId, 2, null);
        var state = Intent(customer, sku, 2, PendingStockWork.Shipping);
        state.Exists = true;
        state.Status = OrderStatus.Packed;
        state.Warehouse = "SH";
        state.History = [new StatusEntry(OrderStatus.Packed, DateTimeOffset.UtcNow, "w", null)];
        state.PendingShipment = new ShipOrder("SF", "SF-RECOVER", "SH", "w");
        await Plant(orderId, state);

        var order = await fixture.Grains.GetGrain<IOrderGrain>(orderId).Get();

        Assert.Equal(OrderStatus.Shipped, order!.Status);
        Assert.Equal("SF-RECOVER", order.Shipment!.TrackingNumber);
        var stock = await _s.Stock(sku);
        Assert.Equal((8, 0), (stock.OnHand, stock.Reserved));
    }

    [Fact]
    public async Task A_cancel_that_died_before_releasing_releases_on_the_next_activation()
    {
        var sku = await _s.Sku("HALFCANCEL", 10m, ("SH", 10));
        var customer = await _s.Customer();
        var orderId = _s.Key("order");
        await fixture.Grains.GetGrain<ISkuStockGrain>(sku).Reserve(orderId, 4, null);
        var state = Intent(customer, sku, 4, PendingStockWork.Releasing);
        state.Exists = true;
        state.Status = OrderStatus.Cancelled;
        state.History = [new StatusEntry(OrderStatus.Cancelled, DateTimeOffset.UtcNow, "c", null)];
        await Plant(orderId, state);

        Assert.Equal(OrderStatus.Cancelled, (await fixture.Grains.GetGrain<IOrderGrain>(orderId).Get())!.Status);
        Assert.Equal(0, (await _s.Stock(sku)).Reserved);
    }
}
