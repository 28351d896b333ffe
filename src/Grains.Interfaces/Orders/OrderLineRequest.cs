namespace OrderActors.Orders;

[GenerateSerializer, Immutable, Alias("OrderActors.OrderLineRequest")]
public sealed record OrderLineRequest([property: Id(0)] string Sku, [property: Id(1)] int Quantity);
