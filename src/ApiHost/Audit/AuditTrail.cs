using System.Globalization;
using System.Threading.Channels;
using OrderActors.ApiHost.Security;
using OrderActors.Audit;
using OrderActors.Common;

namespace OrderActors.ApiHost.Audit;

/// <summary>
/// Writes audit entries to the audit log grains: one shard of one day per entry. The entry is recorded after the
/// action it describes has happened, so a shard that cannot be reached (its silo just died) must not turn the
/// action's answer into a failure: the client would retry an action that was done (a receipt received twice).
/// Such an entry waits in this host and is appended by <see cref="AuditRetry"/> once the shard answers; an append
/// of an id already held changes nothing.
/// </summary>
public sealed partial class AuditTrail(IGrainFactory grains, TimeProvider time, ILogger<AuditTrail> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<(string Shard, AuditEntry Entry)> _unsent = Channel.CreateUnbounded<(string, AuditEntry)>();

    public async Task Record(HttpContext http, string action, string target, int status, string? code)
    {
        var caller = Caller.Of(http);
        var at = time.GetUtcNow();
        var outcome = status < 300 ? "succeeded" : status < 500 ? "refused" : "failed";
        var entry = new AuditEntry(Guid.NewGuid().ToString("N"), at, caller.Name, caller.Role, action, target, outcome, status, code);
        var shard = KeyOf(DateOnly.FromDateTime(at.UtcDateTime), ShardOf(target));
        try
        {
            await grains.GetGrain<IAuditLogGrain>(shard).Append(entry);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogDeferred(logger, ex, entry.AuditId, action, target);
            _unsent.Writer.TryWrite((shard, entry));
        }
    }

    /// <summary>Appends the entries that could not be recorded at once, oldest first, each retried until it is.</summary>
    public async Task RetryUnsent(CancellationToken stopping)
    {
        await foreach (var (shard, entry) in _unsent.Reader.ReadAllAsync(stopping))
        {
            var backoff = new Backoff(FirstRetry, LongestRetry);
            while (true)
            {
                var wait = backoff.Next();
                await Task.Delay(wait, time, stopping);
                try
                {
                    await grains.GetGrain<IAuditLogGrain>(shard).Append(entry);
                    break;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogRetryFailed(logger, ex, entry.AuditId, wait);
                }
            }
        }
    }

    public static string KeyOf(DateOnly day, int shard) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A stable shard per target (string.GetHashCode differs between processes).</summary>
    public static int ShardOf(string target) => (int)(Fnv.Of32(target) % IAuditLogGrain.Shards);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {AuditId} ({Action} on {Target}) could not be recorded now; it is retried in the background")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string auditId, string action, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {AuditId} could not be recorded yet; retried after {Wait}")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, string auditId, TimeSpan wait);
}

/// <summary>Runs <see cref="AuditTrail.RetryUnsent"/> for the life of the host.</summary>
public sealed class AuditRetry(AuditTrail trail) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => trail.RetryUnsent(stoppingToken);
}
