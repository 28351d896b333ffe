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

    /// <summary>
    /// Answers once the batch's row is committed. Rows from concurrent publishers share one INSERT (group
    /// commit): while one statement runs, the next ones queue up and go together in the following one.
    /// </summary>
    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var batch = new PostgresStreamBatch { StreamId = streamId, Events = events.Cast<object>().ToList() };
        var row = new PendingRow(_mapper.GetQueueForStream(streamId).ToString(), serializer.SerializeToArray(batch));
        lock (_pending)
        {
            _pending.Add(row);
            if (!_writing)
            {
                _writing = true;
                _ = Task.Run(WriteLoop);
            }
        }

        return row.Written.Task;
    }

    private const int MaxRowsPerInsert = 500;

    private readonly List<PendingRow> _pending = [];

    private bool _writing;

    private async Task WriteLoop()
    {
        while (true)
        {
            List<PendingRow> rows;
            lock (_pending)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                rows = _pending.Take(MaxRowsPerInsert).ToList();
                _pending.RemoveRange(0, rows.Count);
            }

            try
            {
                await using var command = database.CreateCommand(
                    "INSERT INTO orderactors_stream_queue (provider, queue_id, payload) SELECT @provider, q, p FROM unnest(@queues, @payloads) AS r(q, p)");
                command.Parameters.AddWithValue("provider", name);
                command.Parameters.AddWithValue("queues", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Queue).ToArray());
                command.Parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Payload).ToArray());
                await command.ExecuteNonQueryAsync();
                rows.ForEach(r => r.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                rows.ForEach(r => r.Written.TrySetException(ex));
            }
        }
    }

    private sealed record PendingRow(string Queue, byte[] Payload)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
