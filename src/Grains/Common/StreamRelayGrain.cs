using Orleans.Runtime;

namespace OrderActors.Common;

/// <summary>
/// A silo's relay onto a few stream shards (a stateless worker, one per silo): items handed in over a short
/// window are published together, one batch per shard. The first item of a window starts it; each caller's
/// task completes when the publish covering its items does, or fails with it, so a caller keeps its items
/// (in its stored outbox) until it is answered.
/// </summary>
public abstract class StreamRelayGrain<TItem, TBatch> : Grain
{
    private List<TItem> _pending = [];
    private Task? _round;

    /// <summary>How long a window collects items before they are published.</summary>
    protected virtual TimeSpan Window => TimeSpan.FromMilliseconds(250);

    /// <summary>The stream namespace the batches go to.</summary>
    protected abstract string Namespace { get; }

    /// <summary>The stream key (shard) of an item: a function of the item, so a repeat lands where the first went.</summary>
    protected abstract string ShardOf(TItem item);

    protected abstract TBatch Batch(List<TItem> items);

    protected Task Relay(IEnumerable<TItem> items)
    {
        _pending.AddRange(items);
        return _round ??= PublishAfterWindow();
    }

    private async Task PublishAfterWindow()
    {
        await Task.Delay(Window);
        var items = _pending;
        _pending = [];
        _round = null;
        var provider = this.GetStreamProvider(StreamNames.Provider);
        await Task.WhenAll(items.GroupBy(ShardOf).Select(shard =>
            provider.GetStream<TBatch>(StreamId.Create(Namespace, shard.Key)).OnNextAsync(Batch(shard.ToList()))));
    }
}
