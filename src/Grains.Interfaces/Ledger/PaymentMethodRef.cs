using OrderActors.Orders;

namespace OrderActors.Ledger;

[GenerateSerializer, Immutable, Alias("OrderActors.PaymentMethodRef")]
public sealed record PaymentMethodRef([property: Id(0)] PaymentMethod Method, [property: Id(1)] string ExternalRef, [property: Id(2)] decimal Amount);
