namespace OrderActors.Common;

/// <summary>Stream provider names and namespaces, in one place for silos, clients and grains.</summary>
public static class StreamNames
{
    public const string Provider = "events";

    /// <summary>Order status changes, keyed by the UTC day (yyyy-MM-dd) they happened on.</summary>
    public const string OrderEvents = "order-events";

    /// <summary>Stock movements, on a few shards by SKU (<see cref="Inventory.IMovementRelayGrain.ShardKey"/>).</summary>
    public const string StockMovements = "stock-movements";

    /// <summary>Low-stock alerts raised and cleared, keyed by SKU.</summary>
    public const string StockAlerts = "stock-alerts";
}
