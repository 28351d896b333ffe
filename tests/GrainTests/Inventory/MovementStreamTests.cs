using System.Collections.Concurrent;
using OrderActors.Common;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrderActors.Tests.Inventory;

/// <summary>
/// Every stock movement is published on the movement stream shard of its SKU, batched per silo: a listener
/// on the few shards hears each movement the SKUs record, each SKU's in the order they happened.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MovementStreamTests(ClusterFixture fixture)
{
    private readonly Scenario _s = new(fixture.Grains);

    [Fact]
    public async Task Every_movement_reaches_its_SKUs_shard_in_order()
    {
        var heard = new ConcurrentQueue<(string Shard, StockMovement Movement)>();
        var provider = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider);
        var subscriptions = new List<StreamSubscriptionHandle<MovementBatch>>();
        for (var shard = 0; shard < IMovementRelayGrain.Shards; shard++)
        {
            var key = shard.ToString(System.Globalization.CultureInfo.InvariantCulture);
            subscriptions.Add(await provider.GetStream<MovementBatch>(StreamId.Create(StreamNames.StockMovements, key))
                .SubscribeAsync((batch, _) =>
                {
                    foreach (var movement in batch.Movements)
                    {
                        heard.Enqueue((key, movement));
                    }

                    return Task.CompletedTask;
                }));
        }

        try
        {
            var skus = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _s.Sku($"STREAMED{i}", 5m, ("SH", 20))));
            var customer = await _s.Customer();
            var orders = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                _s.NewOrder().Place(Scenario.Order(customer, ShortagePolicy.Reject, (skus[i % skus.Length], 1), (skus[(i + 5) % skus.Length], 2)))));
            Assert.All(orders, o => Assert.Null(o.Failure));

            var recorded = (await Task.WhenAll(skus.Select(sku => fixture.Grains.GetGrain<ISkuStockGrain>(sku)
                .Movements(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))))).SelectMany(m => m).ToList();
            Assert.Equal(12 + 80, recorded.Count);

            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (recorded.Any(r => !heard.Any(h => h.Movement.MovementId == r.MovementId)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var mine = heard.Where(h => skus.Contains(h.Movement.Sku)).ToList();
            Assert.Equal(recorded.Select(r => r.MovementId).Order(), mine.Select(h => h.Movement.MovementId).Distinct().Order());
            Assert.All(mine, h => Assert.Equal(IMovementRelayGrain.ShardKey(h.Movement.Sku), h.Shard));
            foreach (var sku in skus)
            {
                var sequence = mine.Where(h => h.Movement.Sku == sku).Select(h => SkuMovementLog.SequenceOf(h.Movement)).Distinct().ToList();
                Assert.Equal(sequence.Order(), sequence);
            }
        }
        finally
        {
            await Task.WhenAll(subscriptions.Select(s => s.UnsubscribeAsync()));
        }
    }
}
