namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.ReviewQueueEntry")]
public sealed record ReviewQueueEntry([property: Id(0)] string OrderId, [property: Id(1)] DateTimeOffset Since);
