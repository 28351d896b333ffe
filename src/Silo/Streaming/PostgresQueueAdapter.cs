using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace OrderActors.Silo.Streaming;

/// <summary>
/// A persistent stream provider whose queues are rows in PostgreSQL: publishing inserts a row before
/// the publisher's call returns, so an event survives the silo that published it. Delivery is
/// at-least-once; consumers drop duplicates by event id.
/// </summary>
public sealed class PostgresQueueAdapter(
    string name, NpgsqlDataSource database, HashRingStreamQueueMapperOptions queues, SimpleQueueCacheOptions cache,
    Serializer serializer, ILoggerFactory loggers) : IQueueAdapterFactory, IQueueAdapter
{
    private readonly HashRingBasedStreamQueueMapper _mapper = new(queues, name);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => new SimpleQueueAdapterCache(cache, name, loggers);

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new PostgresQueueReceiver(database, name, queueId.ToString(), serializer);

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var batch = new PostgresStreamBatch { StreamId = streamId, Events = events.Cast<object>().ToList() };
        await using var command = database.CreateCommand(
            "INSERT INTO orderactors_stream_queue (provider, queue_id, payload) VALUES (@provider, @queue, @payload)");
        command.Parameters.AddWithValue("provider", name);
        command.Parameters.AddWithValue("queue", _mapper.GetQueueForStream(streamId).ToString());
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Bytea, serializer.SerializeToArray(batch));
        await command.ExecuteNonQueryAsync();
    }
}
