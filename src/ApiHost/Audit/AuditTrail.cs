using System.Globalization;
using OrderActors.ApiHost.Security;
using OrderActors.Audit;
using OrderActors.Common;

namespace OrderActors.ApiHost.Audit;

/// <summary>Writes audit entries to the audit log grains: one shard of one day per entry.</summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time)
{
    public async Task Record(HttpContext http, string action, string target, int status, string? code)
    {
        var caller = Caller.Of(http);
        var at = time.GetUtcNow();
        var outcome = status < 300 ? "succeeded" : status < 500 ? "refused" : "failed";
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), at, caller.Name, caller.Role, action, target, outcome, status, code);
        await grains.GetGrain<IAuditLogGrain>(KeyOf(DateOnly.FromDateTime(at.UtcDateTime), ShardOf(target))).Append(entry);
    }

    public static string KeyOf(DateOnly day, int shard) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A stable shard per target (string.GetHashCode differs between processes).</summary>
    public static int ShardOf(string target) => (int)(Fnv.Of32(target) % IAuditLogGrain.Shards);
}
