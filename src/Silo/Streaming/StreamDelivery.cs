using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Providers;
using Orleans.Streams;

namespace OrderActors.Silo.Streaming;

/// <summary>
/// How the pulling agents deliver the queue's rows. Orleans' default gives up on a batch its consumer has not
/// taken within a minute and goes on to the next one, and the row is then deleted: a report shard on a silo
/// that died, or a shard that cannot write while PostgreSQL restarts, would silently miss those events if
/// the failure lasted longer than that. Here the agent keeps retrying until the consumer takes the batch;
/// a consumer that keeps failing holds its stream's later batches back (their rows stay in the queue, and
/// Orleans logs a warning for each failed attempt) rather than losing what it could not take.
/// </summary>
public static class StreamDelivery
{
    /// <summary>
    /// Queued batches of one stream handed to its consumer in one delivery: a report shard folds all the
    /// batches waiting for it with one state write, so its writes follow its delivery round trips, not the
    /// number of batches published.
    /// </summary>
    public const int BatchesPerDelivery = 32;

    /// <summary>The pulling agent settings of every mode (memory streams included).</summary>
    public static void Configure(StreamPullingAgentOptions options) => options.BatchContainerBatchSize = BatchesPerDelivery;

    /// <summary>
    /// How long a batch is retried before the agent drops it (<c>Streams:MaxDeliveryTime</c>, a
    /// <see cref="TimeSpan"/>); unset means until delivered.
    /// </summary>
    public static TimeSpan MaxDeliveryTime(IConfiguration configuration) =>
        configuration.GetValue<TimeSpan?>("Streams:MaxDeliveryTime") ?? Timeout.InfiniteTimeSpan;

    /// <summary>
    /// Waits between attempts to deliver a batch: 0.5 s doubling up to 5 s (Orleans' default grows to 30 s,
    /// which leaves reports up to half a minute behind after the consumer is reachable again), with jitter
    /// so that the agents of several silos do not retry in step.
    /// </summary>
    public sealed class Backoff : IMessageDeliveryBackoffProvider
    {
        private static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

        public TimeSpan Next(int attempt)
        {
            var delay = First * Math.Pow(2, Math.Min(attempt, 10));
            var capped = delay < Longest ? delay : Longest;
            return capped * (0.8 + (0.4 * Random.Shared.NextDouble()));
        }
    }

    /// <summary>Logs every batch the agent gives up on; Orleans' own handler drops it without a word.</summary>
    public sealed class FailureLog(ILogger logger) : IStreamFailureHandler
    {
        public bool ShouldFaultSubsriptionOnError => false;

        public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
        {
            LogDropped(logger, streamIdentity, sequenceToken, subscriptionId, null);
            return Task.CompletedTask;
        }

        public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
        {
            LogSubscriptionFailed(logger, streamIdentity, subscriptionId, null);
            return Task.CompletedTask;
        }

        private static readonly Action<ILogger, StreamId, StreamSequenceToken?, GuidId, Exception?> LogDropped =
            LoggerMessage.Define<StreamId, StreamSequenceToken?, GuidId>(LogLevel.Error, new EventId(7101, "StreamBatchDropped"),
                "Stream {Stream}: the batch at {Token} was not delivered to subscription {Subscription} within Streams:MaxDeliveryTime and is dropped");

        private static readonly Action<ILogger, StreamId, GuidId, Exception?> LogSubscriptionFailed =
            LoggerMessage.Define<StreamId, GuidId>(LogLevel.Error, new EventId(7102, "StreamSubscriptionFailed"),
                "Stream {Stream}: the handshake with subscription {Subscription} failed");
    }
}
