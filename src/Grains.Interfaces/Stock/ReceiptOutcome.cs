namespace OrderActors.Stock;

/// <summary>The SKU after a receipt, and the backordered orders waiting for it, first come first.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.ReceiptOutcome")]
public sealed record ReceiptOutcome(
    [property: Id(0)] SkuSnapshot? Sku,
    [property: Id(1)] IReadOnlyList<string> WaitingOrders);
