using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class FulfilmentTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task A_prepaid_order_goes_from_payment_to_settled_and_its_stock_leaves_on_shipping()
    {
        var sku = await _s.Sku("FLOW", 50m, ("SH", 10));
        var customer = await _s.Customer();
        var order = _s.NewOrder();
        await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)));

        Assert.Equal(ErrorCodes.PaymentRequired, (await order.Pick("w")).Failure!.Code);
        Assert.Equal(ErrorCodes.Overpayment, (await order.RecordPayment(new RecordPayment(PaymentMethod.Alipay, 100.01m, "A-1", "f"))).Failure!.Code);
        Assert.True((await order.RecordPayment(new RecordPayment(PaymentMethod.Alipay, 60m, "A-1", "f"))).Created);
        Assert.False((await order.RecordPayment(new RecordPayment(PaymentMethod.Alipay, 60m, "A-1", "f"))).Created);
        Assert.Equal(ErrorCodes.PaymentConflict, (await order.RecordPayment(new RecordPayment(PaymentMethod.Alipay, 40m, "A-1", "f"))).Failure!.Code);
        var paid = await order.RecordPayment(new RecordPayment(PaymentMethod.Card, 40m, "C-9", "f"));
        Assert.Equal(PaymentStatus.Paid, paid.Order!.PaymentStatus);
        Assert.Equal(0m, paid.Order.BalanceDue);

        Assert.Equal(OrderStatus.Picking, (await order.Pick("w")).Order!.Status);
        Assert.Equal(OrderStatus.Picking, (await order.Pick("w")).Order!.Status);
        Assert.Equal(OrderStatus.Packed, (await order.Pack("w")).Order!.Status);
        Assert.Equal(ErrorCodes.WarehouseMismatch, (await order.Ship(new ShipOrder("SF", "SF1", "BJ", "w"))).Failure!.Code);
        var shipped = await order.Ship(new ShipOrder("SF", "SF1", "SH", "w"));
        Assert.Equal(OrderStatus.Shipped, shipped.Order!.Status);
        Assert.Equal("SF1", shipped.Order.Shipment!.TrackingNumber);
        var stock = await _s.Stock(sku);
        Assert.Equal((8, 0), (stock.OnHand, stock.Reserved));

        Assert.Equal(ErrorCodes.InvalidTransition, (await order.Cancel("too late", "c")).Failure!.Code);
        Assert.Equal(OrderStatus.Delivered, (await order.Deliver("w")).Order!.Status);
        var done = await order.Complete("c");
        Assert.Equal(OrderStatus.Settled, done.Order!.Status);
        Assert.Equal(OrderStatus.Completed, done.Order.History[^2].Status);

        var notices = await fixture.Grains.GetGrain<ICustomerGrain>(customer).ListNotifications(10);
        Assert.Contains(notices, n => n.Kind == NotificationKinds.ShippingNotice && n.Data!["trackingNumber"] == "SF1");
        Assert.Contains(notices, n => n.Kind == NotificationKinds.OrderConfirmation);
    }

    [Fact]
    public async Task Cash_on_delivery_orders_are_picked_unpaid_and_settle_when_paid_after_completion()
    {
        var sku = await _s.Sku("COD", 20m, ("SH", 5));
        var customer = await _s.Customer();
        var order = _s.NewOrder();
        var command = Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)) with { PaymentTerms = PaymentTerms.CashOnDelivery };
        await order.Place(command);

        Assert.Equal(OrderStatus.Picking, (await order.Pick("w")).Order!.Status);
        await order.Pack("w");
        await order.Ship(new ShipOrder("EMS", "E1", null, "w"));
        await order.Deliver("w");
        Assert.Equal(OrderStatus.Completed, (await order.Complete("c")).Order!.Status);
        var paid = await order.RecordPayment(new RecordPayment(PaymentMethod.CashOnDelivery, 20m, "COD-1", "f"));
        Assert.Equal(OrderStatus.Settled, paid.Order!.Status);
    }

    [Fact]
    public async Task Cancelling_releases_the_reservation_once()
    {
        var sku = await _s.Sku("CANCEL", 20m, ("SH", 5));
        var customer = await _s.Customer();
        var order = _s.NewOrder();
        await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 3)));
        Assert.Equal(3, (await _s.Stock(sku)).Reserved);

        Assert.Equal(OrderStatus.Cancelled, (await order.Cancel("changed mind", "c")).Order!.Status);
        Assert.Equal(OrderStatus.Cancelled, (await order.Cancel("again", "c")).Order!.Status);
        var stock = await _s.Stock(sku);
        Assert.Equal((5, 0), (stock.OnHand, stock.Reserved));
        Assert.Equal(ErrorCodes.InvalidTransition, (await order.Pick("w")).Failure!.Code);
    }

    [Fact]
    public async Task Customers_list_their_orders_newest_first_by_status_with_a_cursor()
    {
        var sku = await _s.Sku("LIST", 1m, ("SH", 100));
        var customer = await _s.Customer();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var order = _s.NewOrder();
            ids.Add((await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 1)))).Order!.OrderId);
            if (i % 2 == 0)
            {
                await order.Cancel(null, "c");
            }
        }

        var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
        var first = await grain.ListOrders(null, 2, null);
        var second = await grain.ListOrders(null, 2, first.NextCursor);
        var third = await grain.ListOrders(null, 2, second.NextCursor);
        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(second.Items).Concat(third.Items).Select(o => o.OrderId));
        Assert.Null(third.NextCursor);
        Assert.Equal(3, (await grain.ListOrders(OrderStatus.Cancelled, 10, null)).Items.Count);
        Assert.Equal(2, (await grain.Get())!.Stats.OrderCount);
    }
}
