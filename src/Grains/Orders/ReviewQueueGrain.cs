using OrderActors.Common;

namespace OrderActors.Orders;

/// <summary>Orders waiting for a clerk. Only orders that need manual review pass through here.</summary>
[GrainType("review-queue")]
public sealed class ReviewQueueGrain(
    [PersistentState("review-queue", StorageNames.Orders)] IPersistentState<ReviewQueueState> store) : Grain, IReviewQueueGrain
{
    public async Task Enqueue(string orderId, DateTimeOffset since)
    {
        if (store.State.Waiting.TryAdd(orderId, since))
        {
            await store.WriteStateAsync();
        }
    }

    public async Task Dequeue(string orderId)
    {
        if (store.State.Waiting.Remove(orderId))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ReviewQueueEntry>> List(int limit) => Task.FromResult<IReadOnlyList<ReviewQueueEntry>>(
        store.State.Waiting.OrderBy(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(limit)
            .Select(w => new ReviewQueueEntry(w.Key, w.Value)).ToList());
}
