using OrderActors.Common;
using OrderActors.Inventory;
using OrderActors.Ledger;
using OrderActors.Stock;

namespace OrderActors.Tests.Stock;

/// <summary>
/// A SKU's change is written before its alert goes to the inventory registry and its notice to operations: when
/// they cannot be reached, the change still succeeds once (a caller told otherwise would send it again), and the
/// alert and notice arrive when they can.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task A_receipt_whose_alert_and_notice_cannot_be_delivered_succeeds_once_and_they_arrive_later()
    {
        // 2 units under a threshold of 5: an open alert; an order for 3 is refused: a shortage notice.
        var sku = await _s.Sku("OUTBOX", 1m, ("SH", 2));
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        Assert.False((await stock.Reserve($"{sku}-o1", 3, null)).Reserved);
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var registry = fixture.Grains.GetGrain<IInventoryRegistryGrain>(0);
        Assert.Contains(await registry.Alerts(false, since), a => a.Sku == sku);

        using (UnreachableReceivers.For(sku))
        {
            // The receipt clears the alert and answers the shortage: neither can be passed on now.
            var outcome = await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 10, "test", "test"));
            Assert.Equal(12, outcome!.Stock.Available);
            Assert.True(UnreachableReceivers.Refused(sku) > 0);
            Assert.Contains(await registry.Alerts(false, since), a => a.Sku == sku);
        }

        // Received once, and what waited is delivered by the SKU's flush timer, in order.
        Assert.Equal(12, (await _s.Stock(sku)).Available);
        var notices = fixture.Grains.GetGrain<IOperationsNoticeGrain>(0);
        await Until(async () => (await registry.Alerts(false, since)).All(a => a.Sku != sku));

        Assert.DoesNotContain(await registry.Alerts(false, since), a => a.Sku == sku);
        Assert.Contains(await registry.Alerts(true, since), a => a.Sku == sku && a.ClearedAt is not null);
        await Until(async () => (await notices.List(1000)).Any(n => n.Sku == sku && n.Kind == NotificationKinds.Replenishment));

        var mine = (await notices.List(1000)).Where(n => n.Sku == sku).Reverse().Select(n => n.Kind).ToList();
        Assert.Equal([NotificationKinds.Shortage, NotificationKinds.Replenishment], mine);
    }

    [Fact]
    public async Task The_last_unit_reserved_while_operations_cannot_be_reached_is_reserved_and_its_sold_out_notice_follows()
    {
        var sku = await _s.Sku("LASTUNIT", 1m, ("SH", 1));
        var stock = fixture.Grains.GetGrain<ISkuStockGrain>(sku);
        using (UnreachableReceivers.For(sku))
        {
            var reserved = await stock.Reserve($"{sku}-o1", 1, null);
            Assert.True(reserved.Reserved);
        }

        Assert.Equal("SH", await stock.HeldFor($"{sku}-o1"));
        var notices = fixture.Grains.GetGrain<IOperationsNoticeGrain>(0);
        await Until(async () => (await notices.List(1000)).Any(n => n.Sku == sku));

        Assert.Single(await notices.List(1000), n => n.Sku == sku && n.Kind == NotificationKinds.Shortage);
    }

    [Fact]
    public async Task A_receipt_whose_ledger_posting_cannot_be_made_succeeds_once_and_the_posting_follows_without_another_change()
    {
        var sku = await _s.Sku("LEDGEROUT", 4m);
        var ledger = fixture.Grains.GetGrain<ILedgerShardGrain>(ILedgerShardGrain.KeyOf(DateTimeOffset.UtcNow, PostingShard(sku)));
        using (UnreachableReceivers.For(sku))
        {
            var outcome = await fixture.Grains.GetGrain<IReplenishmentGrain>(sku).Receive(new ReceiveStock("SH", 10, "test", "test"));
            Assert.Equal(10, outcome!.Stock.Available);
            await Task.Delay(1500);
            Assert.DoesNotContain(await ledger.Journal(), e => e.Sku == sku);
        }

        // Nothing else happens to the SKU: its timer posts the receipt once the ledger answers (within its backoff).
        await Until(async () => (await ledger.Journal()).Any(e => e.Sku == sku), seconds: 20);

        var posting = Assert.Single(await ledger.Journal(), e => e.Sku == sku);
        Assert.Equal(20m, posting.Lines.Sum(l => l.Debit));
        Assert.Equal(10, (await _s.Stock(sku)).Available);
    }

    private static int PostingShard(string sku) =>
        new JournalEntry("probe", DateTimeOffset.UtcNow, "receipt", null, sku, "", []).Shard();

    /// <summary>Waits up to 10 s for <paramref name="done"/>; the assertions after it say what was expected.</summary>
    private static async Task Until(Func<Task<bool>> done, int seconds = 10)
    {
        for (var i = 0; i < seconds * 10 && !await done(); i++)
        {
            await Task.Delay(100);
        }
    }
}
