using System.Globalization;
using OrderActors.Common;

namespace OrderActors.Reports;

/// <summary>
/// One UTC day's order figures (key yyyy-MM-dd): the sum of the day's shards. Each order's events go to one
/// of <see cref="EventShards"/> streams of the day by order id, in batches from every silo's order event relay,
/// so a busy day is folded by several grains in parallel, a batch per write.
/// </summary>
[Alias("OrderActors.IDailyOrderReportGrain")]
public interface IDailyOrderReportGrain : IGrainWithStringKey
{
    /// <summary>The shards a day is read from: earlier builds spread single events over all 64.</summary>
    public const int Shards = 64;

    /// <summary>The shards new events go to (the first of <see cref="Shards"/>): fewer, so a relay's window fills batches.</summary>
    public const int EventShards = 8;

    [Alias("GetFigures")] Task<DailyOrderFigures> GetFigures();

    /// <summary>The stream (and shard grain) key of an order's event: "yyyy-MM-dd#shard".</summary>
    public static string ShardKey(DateTimeOffset at, string orderId) =>
        ShardKey(DateOnly.FromDateTime(at.UtcDateTime), (int)(Fnv.Of32(orderId) % EventShards));

    public static string ShardKey(DateOnly day, int shard) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}#{shard.ToString("00", CultureInfo.InvariantCulture)}";
}

/// <summary>One shard of one day's order figures, fed by that shard's order event stream.</summary>
[Alias("OrderActors.IOrderReportShardGrain")]
public interface IOrderReportShardGrain : IGrainWithStringKey
{
    [Alias("GetFigures")] Task<DailyOrderFigures> GetFigures();
}
