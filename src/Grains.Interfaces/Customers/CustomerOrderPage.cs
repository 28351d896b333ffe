namespace OrderActors.Customers;

[GenerateSerializer, Immutable, Alias("OrderActors.CustomerOrderPage")]
public sealed record CustomerOrderPage(
    [property: Id(0)] IReadOnlyList<CustomerOrder> Items,
    [property: Id(1)] string? NextCursor);
