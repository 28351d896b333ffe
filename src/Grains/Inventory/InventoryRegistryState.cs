namespace OrderActors.Inventory;

[GenerateSerializer, Alias("OrderActors.InventoryRegistryState")]
public sealed class InventoryRegistryState
{
    [Id(0)] public SortedSet<string> Skus { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<TransferRecord> Transfers { get; set; } = [];
    [Id(2)] public Dictionary<string, LowStockAlert> Alerts { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public List<string> Counts { get; set; } = [];
}
