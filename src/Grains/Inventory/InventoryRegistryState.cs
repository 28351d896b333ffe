using OrderActors.Common;

namespace OrderActors.Inventory;

[GenerateSerializer, Alias("OrderActors.InventoryRegistryState")]
public sealed class InventoryRegistryState
{
    /// <summary>Where earlier builds kept every SKU, written whole with each new one; moved into <see cref="SkuLog"/> on activation.</summary>
    [Id(0)] public SortedSet<string> Skus { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Earlier builds' transfers, moved into <see cref="TransferLog"/> on activation.</summary>
    [Id(1)] public List<TransferRecord> Transfers { get; set; } = [];

    [Id(2)] public Dictionary<string, LowStockAlert> Alerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Earlier builds' cycle counts, moved into <see cref="CountLog"/> on activation.</summary>
    [Id(3)] public List<string> Counts { get; set; } = [];

    /// <summary>Every SKU, in the order it was created: a write carries the open page only.</summary>
    [Id(4)] public PagedLog<string> SkuLog { get; set; } = new();

    [Id(5)] public PagedLog<TransferRecord> TransferLog { get; set; } = new();

    [Id(6)] public PagedLog<string> CountLog { get; set; } = new();
}
