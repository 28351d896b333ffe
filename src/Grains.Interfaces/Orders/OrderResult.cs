using OrderActors.Common;

namespace OrderActors.Orders;

/// <summary>Either the order after the command, or the business rule that refused it.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.OrderResult")]
public sealed record OrderResult(
    [property: Id(0)] OrderSnapshot? Order,
    [property: Id(1)] Failure? Failure,
    [property: Id(2)] bool Created = false)
{
    public static OrderResult Ok(OrderSnapshot order, bool created = false) => new(order, null, created);

    public static OrderResult Refused(Failure failure) => new(null, failure);
}
