using Orleans.Runtime;

namespace OrderActors.Common;

/// <summary>
/// A silo's relay onto a few stream shards (a stateless worker, one per silo): items handed in together are
/// published together, one batch per shard. With a <see cref="Window"/>, the first item of a window starts it
/// and the window's items go out when it ends; without one, items go out at once when no publish is running,
/// and those handed in while one runs go together in the next (group commit). Each caller's task completes
/// when the publish covering its items does, or fails with it, so a caller keeps its items (in its stored
/// outbox) until it is answered.
/// </summary>
public abstract class StreamRelayGrain<TItem, TBatch> : Grain
{
    private List<TItem> _pending = [];
    private Task? _round;
    private GroupCommit? _commit;

    /// <summary>How long a window collects items before they are published; zero for group commit.</summary>
    protected virtual TimeSpan Window => TimeSpan.FromMilliseconds(250);

    /// <summary>The stream namespace the batches go to.</summary>
    protected abstract string Namespace { get; }

    /// <summary>The stream key (shard) of an item: a function of the item, so a repeat lands where the first went.</summary>
    protected abstract string ShardOf(TItem item);

    protected abstract TBatch Batch(List<TItem> items);

    protected Task Relay(IEnumerable<TItem> items)
    {
        _pending.AddRange(items);
        return Window > TimeSpan.Zero
            ? _round ??= PublishAfterWindow()
            : (_commit ??= new GroupCommit(PublishPending)).Write();
    }

    private async Task PublishAfterWindow()
    {
        await Task.Delay(Window);
        _round = null;
        await PublishPending();
    }

    private Task PublishPending()
    {
        var items = _pending;
        _pending = [];
        var provider = this.GetStreamProvider(StreamNames.Provider);
        return Task.WhenAll(items.GroupBy(ShardOf).Select(shard =>
            provider.GetStream<TBatch>(StreamId.Create(Namespace, shard.Key)).OnNextAsync(Batch(shard.ToList()))));
    }
}
