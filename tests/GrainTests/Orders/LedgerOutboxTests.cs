using OrderActors.Ledger;
using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

/// <summary>
/// An order's payment is stored before its posting goes to the ledger: when the ledger cannot be reached, the payment
/// still succeeds once, and the posting follows while the order is idle, without another change to carry it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerOutboxTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task A_payment_whose_posting_cannot_be_made_succeeds_once_and_the_posting_follows_without_another_change()
    {
        var sku = await _s.Sku("PAYLEDGER", 50m, ("SH", 10));
        var customer = await _s.Customer();
        var order = _s.NewOrder();
        var orderId = order.GetPrimaryKeyString();
        var total = (await order.Place(Scenario.Order(customer, ShortagePolicy.Reject, (sku, 2)))).Order!.Total;
        var ledger = fixture.Grains.GetGrain<ILedgerShardGrain>(ILedgerShardGrain.KeyOf(DateTimeOffset.UtcNow,
            new JournalEntry("probe", DateTimeOffset.UtcNow, "payment", orderId, null, "", []).Shard()));

        using (UnreachableReceivers.For(orderId))
        {
            var paid = await order.RecordPayment(new RecordPayment(PaymentMethod.Alipay, total, $"A-{orderId}", "f"));
            Assert.True(paid.Created);
            Assert.Equal(0m, paid.Order!.BalanceDue);
            await Task.Delay(1500);
            Assert.DoesNotContain(await ledger.Journal(), e => e.OrderId == orderId);
        }

        for (var i = 0; i < 150 && !(await ledger.Journal()).Any(e => e.OrderId == orderId); i++)
        {
            await Task.Delay(100);
        }

        var posting = Assert.Single(await ledger.Journal(), e => e.OrderId == orderId);
        Assert.Equal(total, posting.Lines.Sum(l => l.Debit));
        Assert.Single((await order.Get())!.Payments);
    }
}
