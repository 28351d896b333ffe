namespace OrderActors.Inventory;

/// <summary>
/// A silo's relay for stock movements (a stateless worker, one per silo): SKU grains hand it their
/// unpublished movements, and it publishes what all of them handed in over a short window as one batch per
/// movement stream shard. Answers once the batch holding the caller's movements is published.
/// </summary>
[Alias("OrderActors.IMovementRelayGrain")]
public interface IMovementRelayGrain : IGrainWithIntegerKey
{
    /// <summary>Movement streams: <see cref="Common.StreamNames.StockMovements"/> with keys "0".."Shards-1", by SKU.</summary>
    public const int Shards = 4;

    [Alias("Publish")] Task Publish(MovementBatch batch);

    public static string ShardKey(string sku) =>
        (Common.Fnv.Of32(sku) % Shards).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
