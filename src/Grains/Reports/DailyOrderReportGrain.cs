using System.Globalization;
using OrderActors.Common;
using OrderActors.Orders;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrderActors.Reports;

/// <summary>
/// Folds one shard of one UTC day's order events into figures, a batch per state write. Implicitly subscribed:
/// the stream key is the day and shard, so each shard's events arrive at that shard's grain (batches from the
/// order event relays; single events from earlier builds' queues).
/// </summary>
[GrainType("order-report-shard")]
[ImplicitStreamSubscription(StreamNames.OrderEventBatches)]
[ImplicitStreamSubscription(StreamNames.OrderEvents)]
public sealed class OrderReportShardGrain(
    [PersistentState("daily-orders", StorageNames.Reports)] IPersistentState<DailyOrderReportState> store)
    : Grain, IOrderReportShardGrain, IStreamSubscriptionObserver, IAsyncObserver<OrderStatusChanged>, IAsyncBatchObserver<OrderEventBatch>
{
    private HashSet<ulong> _counted = [];

    private DailyOrderReportState State => store.State;

    private string LogKey => $"counted/{this.GetPrimaryKeyString()}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _counted = [.. await State.CountedLog.List(GrainFactory, LogKey)];
        if (State.Counted.Count > 0)
        {
            // An earlier build's whole set: into the log's open page, sealed in pages by the next write.
            foreach (var hash in State.Counted)
            {
                if (_counted.Add(hash))
                {
                    State.CountedLog.Open.Add(hash);
                }
            }

            State.Counted.Clear();
        }
    }

    public Task<DailyOrderFigures> GetFigures() => Task.FromResult(new DailyOrderFigures(
        DateOnly.ParseExact(this.GetPrimaryKeyString().AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        State.Totals, State.ByChannel.ToDictionary(), _counted.Count));

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.GetNamespace() == StreamNames.OrderEventBatches)
        {
            // As a batch observer: the pulling agent hands over every batch queued for this shard in one call
            // (up to its BatchContainerBatchSize), and they are folded with one write.
            await handleFactory.Create<OrderEventBatch>().ResumeAsync((IAsyncBatchObserver<OrderEventBatch>)this);
        }
        else
        {
            await handleFactory.Create<OrderStatusChanged>().ResumeAsync(this);
        }
    }

    public Task OnNextAsync(OrderStatusChanged item, StreamSequenceToken? token = null) => Fold([item]);

    public Task OnNextAsync(IList<SequentialItem<OrderEventBatch>> items) => Fold([.. items.SelectMany(i => i.Item.Events)]);

    /// <summary>Counts each event not counted before, then stores the figures once for all of them.</summary>
    private async Task Fold(IReadOnlyList<OrderStatusChanged> events)
    {
        var changed = false;
        foreach (var item in events)
        {
            var hash = Fnv.Of64(item.EventId);
            if (!_counted.Add(hash))
            {
                continue;
            }

            changed = true;
            State.CountedLog.Open.Add(hash);
            OrderFiguresFold.Apply(State.Totals, item);
            if (!State.ByChannel.TryGetValue(item.Channel, out var channel))
            {
                State.ByChannel[item.Channel] = channel = new OrderFigures();
            }

            OrderFiguresFold.Apply(channel, item);
        }

        if (changed)
        {
            await State.CountedLog.Seal(GrainFactory, LogKey, State.CountedLog.Open.Count, closing: false);
            await store.WriteStateAsync();
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>A sealed page of a report shard's counted event hashes.</summary>
[GrainType("counted-page")]
public sealed class CountedPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<ulong>> store) : LogPageGrain<ulong>(store);

/// <summary>A day's figures: the sum of its shards, read each time (the shards hold the state).</summary>
[GrainType("daily-order-report"), Orleans.Concurrency.StatelessWorker]
public sealed class DailyOrderReportGrain : Grain, IDailyOrderReportGrain
{
    public async Task<DailyOrderFigures> GetFigures()
    {
        var day = DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shards = await Task.WhenAll(Enumerable.Range(0, IDailyOrderReportGrain.Shards)
            .Select(s => GrainFactory.GetGrain<IOrderReportShardGrain>(IDailyOrderReportGrain.ShardKey(day, s)).GetFigures()));
        var (totals, byChannel) = DailyOrderFigures.Sum(shards);
        return new DailyOrderFigures(day, totals, byChannel, shards.Sum(s => s.EventsCounted));
    }
}
