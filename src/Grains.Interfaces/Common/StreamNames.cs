namespace OrderActors.Common;

/// <summary>Stream provider names and namespaces, in one place for silos, clients and grains.</summary>
public static class StreamNames
{
    public const string Provider = "events";

    /// <summary>
    /// Single order status changes, keyed by report shard ("yyyy-MM-dd#shard"): what earlier builds published, still
    /// folded by the report shards; this build publishes <see cref="OrderEventBatches"/>.
    /// </summary>
    public const string OrderEvents = "order-events";

    /// <summary>Order status changes in batches (<c>OrderEventBatch</c>), keyed by report shard like <see cref="OrderEvents"/>.</summary>
    public const string OrderEventBatches = "order-event-batches";

    /// <summary>Stock movements, on a few shards by SKU (<see cref="Inventory.IMovementRelayGrain.ShardKey"/>).</summary>
    public const string StockMovements = "stock-movements";

    /// <summary>Low-stock alerts raised and cleared, keyed by SKU.</summary>
    public const string StockAlerts = "stock-alerts";
}
