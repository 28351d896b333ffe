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
/// of an id already held changes nothing. When the host stops, what still waits is tried once more before its grain
/// client goes (<see cref="FlushUnsent"/>); what that cannot append is logged as lost, each entry in full.
/// </summary>
public sealed partial class AuditTrail(IGrainFactory grains, TimeProvider time, ILogger<AuditTrail> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<(string Shard, AuditEntry Entry)> _unsent = Channel.CreateUnbounded<(string, AuditEntry)>();

    /// <summary>Taking an entry from the channel and naming it <see cref="_retrying"/> is one step, under this lock.</summary>
    private readonly Lock _gate = new();

    /// <summary>The entry <see cref="RetryUnsent"/> is trying: read from the channel, not appended yet.</summary>
    private (string Shard, AuditEntry Entry)? _retrying;

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
        while (await _unsent.Reader.WaitToReadAsync(stopping))
        {
            (string Shard, AuditEntry Entry) next;
            lock (_gate)
            {
                if (!_unsent.Reader.TryRead(out next))
                {
                    continue;
                }

                _retrying = next;
            }

            var (shard, entry) = next;
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

            lock (_gate)
            {
                _retrying = null;
            }
        }
    }

    /// <summary>
    /// Tries once more, all at once, every entry still waiting (after <see cref="RetryUnsent"/> has stopped); logs each
    /// one that cannot be appended by then, in full, as lost.
    /// </summary>
    public async Task FlushUnsent(CancellationToken cancellationToken)
    {
        var waiting = new List<(string Shard, AuditEntry Entry)>();
        lock (_gate)
        {
            if (_retrying is { } current)
            {
                waiting.Add(current);
            }

            while (_unsent.Reader.TryRead(out var next))
            {
                waiting.Add(next);
            }
        }

        await Task.WhenAll(waiting.Select(async w =>
        {
            try
            {
                await grains.GetGrain<IAuditLogGrain>(w.Shard).Append(w.Entry).WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLost(logger, ex, w.Entry.AuditId, w.Entry.At, w.Entry.Actor, w.Entry.Action, w.Entry.Target, w.Entry.Outcome, w.Entry.Status);
            }
        }));
    }

    public static string KeyOf(DateOnly day, int shard) =>
        $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{shard.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A stable shard per target (string.GetHashCode differs between processes).</summary>
    public static int ShardOf(string target) => (int)(Fnv.Of32(target) % IAuditLogGrain.Shards);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {AuditId} ({Action} on {Target}) could not be recorded now; it is retried in the background")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string auditId, string action, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry {AuditId} could not be recorded yet; retried after {Wait}")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, string auditId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {AuditId} is lost: the host stopped before it could be recorded ({At}, {Actor}, {Action} on {Target}: {Outcome}, {Status})")]
    private static partial void LogLost(ILogger logger, Exception exception, string auditId, DateTimeOffset at, string actor, string action, string target, string outcome, int status);
}

/// <summary>
/// Runs <see cref="AuditTrail.RetryUnsent"/> for the life of the host, and <see cref="AuditTrail.FlushUnsent"/> as it
/// begins to stop: before any hosted service stops, the host's silo or grain client among them.
/// </summary>
public sealed class AuditRetry(AuditTrail trail) : BackgroundService, IHostedLifecycleService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => trail.RetryUnsent(stoppingToken);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Ends the retries first (the host's own StopAsync later finds them ended), then tries what is left once.
        await StopAsync(cancellationToken);
        await trail.FlushUnsent(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
