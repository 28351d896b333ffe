namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.RecordPayment")]
public sealed record RecordPayment(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string ExternalRef,
    [property: Id(3)] string Actor);
