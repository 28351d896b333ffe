using OrderActors.Stock;

namespace OrderActors.Orders;

/// <summary>What placing an order reads before it decides: the SKUs as they were, and the customer's review flag.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.PlacementFacts")]
public sealed record PlacementFacts(
    [property: Id(0)] IReadOnlyList<SkuSnapshot> Stock,
    [property: Id(1)] bool CustomerRequiresReview);
