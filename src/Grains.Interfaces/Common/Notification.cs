namespace OrderActors.Common;

/// <summary>A notice the order process emitted: to a customer, or to operations.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("OrderActors.Notification")]
public sealed record Notification(
    [property: Id(0)] string NotificationId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? OrderId = null,
    [property: Id(5)] string? Sku = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? Data = null);
