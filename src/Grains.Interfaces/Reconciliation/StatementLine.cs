using OrderActors.Orders;

namespace OrderActors.Reconciliation;

public enum MoneyDirection
{
    Payment,
    Refund,
}

/// <summary>One line of a payment provider's statement.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.StatementLine")]
public sealed record StatementLine(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] PaymentMethod Method,
    [property: Id(2)] string ExternalRef,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] MoneyDirection Type,
    [property: Id(5)] decimal Fee,
    [property: Id(6)] string StatementId);
