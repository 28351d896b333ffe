using System.Globalization;
using OrderActors.Common;

namespace OrderActors.Reports;

/// <summary>
/// One UTC day's order figures (key yyyy-MM-dd): the sum of the day's shards. Each order's events go to one
/// of <see cref="Shards"/> streams of the day by order id, so a busy day is folded by many grains in parallel,
/// each holding a 64th of the day (and of the event ids it has counted, which each write carries).
/// </summary>
[Alias("OrderActors.IDailyOrderReportGrain")]
public interface IDailyOrderReportGrain : IGrainWithStringKey
{
    public const int Shards = 64;

    [Alias("GetFigures")] Task<DailyOrderFigures> GetFigures();

    /// <summary>The stream (and shard grain) key of an order's event: "yyyy-MM-dd#shard".</summary>
    public static string ShardKey(DateTimeOffset at, string orderId) =>
        ShardKey(DateOnly.FromDateTime(at.UtcDateTime), (int)(Fnv.Of32(orderId) % Shards));

    public static string ShardKey(DateOnly day, int shard) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}#{shard.ToString("00", CultureInfo.InvariantCulture)}";
}

/// <summary>One shard of one day's order figures, fed by that shard's order event stream.</summary>
[Alias("OrderActors.IOrderReportShardGrain")]
public interface IOrderReportShardGrain : IGrainWithStringKey
{
    [Alias("GetFigures")] Task<DailyOrderFigures> GetFigures();
}
