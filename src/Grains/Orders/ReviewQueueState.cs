namespace OrderActors.Orders;

[GenerateSerializer, Alias("OrderActors.ReviewQueueState")]
public sealed class ReviewQueueState
{
    [Id(0)] public Dictionary<string, DateTimeOffset> Waiting { get; set; } = new(StringComparer.Ordinal);
}
