namespace OrderActors.Inventory;

/// <summary>One SKU of a count: what the system held when the count opened, and what was counted.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.CountLine")]
public sealed record CountLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int SystemOnHand,
    [property: Id(2)] int? Counted,
    [property: Id(3)] decimal UnitCost)
{
    public int? Variance => Counted - SystemOnHand;

    public decimal? VarianceValue => Variance * UnitCost;
}
