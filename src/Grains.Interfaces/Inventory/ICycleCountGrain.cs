using OrderActors.Common;

namespace OrderActors.Inventory;

[GenerateSerializer, Immutable, Alias("OrderActors.CountResult")]
public sealed record CountResult([property: Id(0)] CycleCount? Count, [property: Id(1)] Failure? Failure);

/// <summary>
/// A cycle count of one warehouse (key: count id). Opening takes a snapshot of on-hand; posting applies
/// counted − snapshot to on-hand as it is then, so sales during the count are kept, not overwritten.
/// </summary>
[Alias("OrderActors.ICycleCountGrain")]
public interface ICycleCountGrain : IGrainWithStringKey
{
    /// <param name="skus">The SKUs to count; null counts every SKU the warehouse holds.</param>
    [Alias("Open")] Task<CountResult> Open(string warehouse, IReadOnlyList<string>? skus, string actor);

    [Alias("Get")] Task<CycleCount?> Get();

    [Alias("Record")] Task<CountResult> Record(IReadOnlyList<(string Sku, int Counted)> lines);

    [Alias("Post")] Task<CountResult> Post(string actor);
}
