namespace OrderActors.Idempotency;

[GenerateSerializer, Alias("OrderActors.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)] public string? RequestHash { get; set; }
    [Id(1)] public string ResourceId { get; set; } = "";
    [Id(2)] public StoredResponse? Response { get; set; }
    [Id(3)] public DateTimeOffset FirstSeen { get; set; }
}
