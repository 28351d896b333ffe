namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.ShippingAddress")]
public sealed record ShippingAddress(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Line1,
    [property: Id(3)] string? Line2,
    [property: Id(4)] string City,
    [property: Id(5)] string? PostalCode,
    [property: Id(6)] string Country);
