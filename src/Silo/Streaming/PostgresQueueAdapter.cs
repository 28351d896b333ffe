using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OrderActors.Silo.Storage;
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
        Task.FromResult<IStreamFailureHandler>(new StreamDelivery.FailureLog(loggers.CreateLogger<StreamDelivery.FailureLog>()));

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new PostgresQueueReceiver(database, name, queueId.ToString(), serializer);

    private readonly Batcher<PendingRow> _inserts = new(rows => InsertRows(database, name, rows), _ => null, concurrency: 1);

    /// <summary>
    /// Answers once the batch's row is committed. Rows from concurrent publishers share one INSERT (group
    /// commit): while one statement runs, the next ones queue up and go together in the following one.
    /// </summary>
    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var batch = new PostgresStreamBatch { StreamId = streamId, Events = events.Cast<object>().ToList() };
        var row = new PendingRow(_mapper.GetQueueForStream(streamId).ToString(), serializer.SerializeToArray(batch));
        _inserts.Add(row);
        return row.Written.Task;
    }

    private static async Task InsertRows(NpgsqlDataSource database, string provider, IReadOnlyList<PendingRow> rows)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO orderactors_stream_queue (provider, queue_id, payload) SELECT @provider, q, p FROM unnest(@queues, @payloads) AS r(q, p)");
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.AddWithValue("queues", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Queue).ToArray());
        command.Parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Payload).ToArray());
        await command.ExecuteNonQueryAsync();
        foreach (var row in rows)
        {
            row.Written.TrySetResult();
        }
    }

    private sealed record PendingRow(string Queue, byte[] Payload) : IBatched
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception exception) => Written.TrySetException(exception);
    }
}
