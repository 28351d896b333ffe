namespace OrderActors.Orders;

/// <summary>The manual review queue: orders in <c>pendingReview</c>, oldest first. One per system (key 0).</summary>
[Alias("OrderActors.IReviewQueueGrain")]
public interface IReviewQueueGrain : IGrainWithIntegerKey
{
    [Alias("Enqueue")] Task Enqueue(string orderId, DateTimeOffset since);

    [Alias("Dequeue")] Task Dequeue(string orderId);

    [Alias("List")] Task<IReadOnlyList<ReviewQueueEntry>> List(int limit);
}
