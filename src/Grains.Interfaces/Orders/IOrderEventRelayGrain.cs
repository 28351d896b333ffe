namespace OrderActors.Orders;

/// <summary>
/// A silo's relay for order events (a stateless worker, one per silo): orders hand it their outbox after each
/// commit, and it publishes what all of them handed in over a short window as one batch per report shard
/// stream. Answers once the batch holding the caller's events is published.
/// </summary>
[Alias("OrderActors.IOrderEventRelayGrain")]
public interface IOrderEventRelayGrain : IGrainWithIntegerKey
{
    [Alias("Publish")] Task Publish(OrderEventBatch batch);
}
