using Npgsql;
using NpgsqlTypes;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace OrderActors.Silo.Streaming;

/// <summary>
/// Reads one queue's rows for the pulling agent and deletes them once delivered. Rows already handed out
/// are skipped by id rather than by "id greater than the last one": ids are taken before commit, so a
/// row with a smaller id can become visible after a larger one.
/// </summary>
public sealed class PostgresQueueReceiver(NpgsqlDataSource database, string provider, string queueId, Serializer serializer) : IQueueAdapterReceiver
{
    private const int MaxBatch = 256;
    private readonly HashSet<long> _handedOut = [];

    public Task Initialize(TimeSpan timeout) => Task.CompletedTask;

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        await using var command = database.CreateCommand("""
            SELECT id, payload FROM orderactors_stream_queue
            WHERE provider = @provider AND queue_id = @queue AND NOT (id = ANY(@handedOut))
            ORDER BY id LIMIT @max
            """);
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.AddWithValue("queue", queueId);
        command.Parameters.AddWithValue("handedOut", NpgsqlDbType.Array | NpgsqlDbType.Bigint, _handedOut.ToArray());
        command.Parameters.AddWithValue("max", maxCount is > 0 and < MaxBatch ? maxCount : MaxBatch);
        var batches = new List<IBatchContainer>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            var batch = serializer.Deserialize<PostgresStreamBatch>(reader.GetFieldValue<byte[]>(1))
                ?? throw new InvalidDataException($"Stream queue row {id} holds no batch.");
            batch.Token = new EventSequenceTokenV2(id);
            _handedOut.Add(id);
            batches.Add(batch);
        }

        return batches;
    }

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        var ids = messages.OfType<PostgresStreamBatch>().Select(b => b.Token.SequenceNumber).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(
            "DELETE FROM orderactors_stream_queue WHERE provider = @provider AND queue_id = @queue AND id = ANY(@ids)");
        command.Parameters.AddWithValue("provider", provider);
        command.Parameters.AddWithValue("queue", queueId);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, ids);
        await command.ExecuteNonQueryAsync();
        _handedOut.ExceptWith(ids);
    }

    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
}
