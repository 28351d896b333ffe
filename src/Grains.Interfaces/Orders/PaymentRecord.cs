namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.PaymentRecord")]
public sealed record PaymentRecord(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] PaymentMethod Method,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string ExternalRef,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Actor);
