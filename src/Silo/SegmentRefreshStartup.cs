using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderActors.Customers;

namespace OrderActors.Silo;

/// <summary>
/// Makes sure the segment refresh reminder is registered, from every silo that starts (registering is
/// idempotent). A silo joining while the cluster is still settling — another silo just died, directory
/// partitions moving — may see the call time out; that must not stop the silo from starting, so it is
/// retried in the background until it succeeds or the silo stops.
/// </summary>
public sealed partial class SegmentRefreshStartup(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<SegmentRefreshStartup> logger)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Returns at once: the silo's start does not wait for (or fail with) the registration.</summary>
    public Task Start()
    {
        _ = Task.Run(() => RegisterAsync(lifetime.ApplicationStopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RegisterAsync(CancellationToken stopping)
    {
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<ISegmentRefreshGrain>(0).Start();
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRetry(logger, ex, attempt);
            }

            try
            {
                await Task.Delay(RetryAfter, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the segment refresh reminder failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
