using Npgsql;
using NpgsqlTypes;

namespace OrderActors.Silo.Storage;

/// <summary>
/// The grain state of one silo, all storage names together, in <c>orderactors_grain_state</c>. Reads and
/// writes are batched (<see cref="Batcher{T}"/>): a silo placing orders writes the orders, stock and customers
/// of many concurrent requests in one statement and one commit instead of one each. Each row is still
/// written only if its version is the one its grain read, so a stale activation cannot overwrite a newer one.
/// </summary>
public sealed class GrainStateTable : IGrainStateRows
{
    private readonly NpgsqlDataSource _database;
    private readonly string _serviceId;
    private readonly Batcher<ReadRequest> _reads;
    private readonly Batcher<WriteRequest> _writes;

    public GrainStateTable(NpgsqlDataSource database, string serviceId)
    {
        _database = database;
        _serviceId = serviceId;
        _reads = new(ReadBatch, _ => null, concurrency: 1);
        _writes = new(WriteBatch, w => (w.GrainId, w.StateName), concurrency: 1);
    }

    /// <summary>Write statements run so far (each covers one or more writes).</summary>
    public long WriteStatements => _writes.Statements;

    /// <inheritdoc/>
    public Task<StoredState?> Read(string grainId, string stateName)
    {
        var request = new ReadRequest(grainId, stateName);
        _reads.Add(request);
        return request.Result.Task;
    }

    /// <inheritdoc/>
    public Task<int?> Write(string grainId, string stateName, byte[]? payload, int? expectedVersion)
    {
        var request = new WriteRequest(grainId, stateName, payload, expectedVersion);
        _writes.Add(request);
        return request.Result.Task;
    }

    private async Task ReadBatch(IReadOnlyList<ReadRequest> batch)
    {
        await using var command = _database.CreateCommand("""
            SELECT r.n, s.payload, s.version
            FROM unnest(@ids, @names) WITH ORDINALITY AS r(grain_id, state_name, n)
            JOIN orderactors_grain_state s ON s.service_id = @service AND s.grain_id = r.grain_id AND s.state_name = r.state_name
            """);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(r => r.GrainId).ToArray());
        command.Parameters.AddWithValue("names", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(r => r.StateName).ToArray());
        var found = new StoredState?[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found[reader.GetInt64(0) - 1] = new StoredState(reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.GetInt32(2));
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Result.TrySetResult(found[i]);
        }
    }

    private async Task WriteBatch(IReadOnlyList<WriteRequest> batch)
    {
        // Rows in key order: two silos writing overlapping rows (a grain briefly active in both) lock them in
        // the same order and cannot deadlock. The version written is the expected one plus one; an existing
        // row is replaced only when it is at the expected version, and a new row is inserted only when none
        // was expected (a row that exists has a version of at least one).
        var rows = batch.OrderBy(w => w.GrainId, StringComparer.Ordinal).ThenBy(w => w.StateName, StringComparer.Ordinal).ToList();
        await using var command = _database.CreateCommand("""
            INSERT INTO orderactors_grain_state AS s (service_id, grain_id, state_name, payload, version)
            SELECT @service, r.grain_id, r.state_name, r.payload, r.version
            FROM unnest(@ids, @names, @payloads, @versions) AS r(grain_id, state_name, payload, version)
            ON CONFLICT (service_id, grain_id, state_name) DO UPDATE
            SET payload = excluded.payload, version = excluded.version, modified_on = now()
            WHERE s.version = excluded.version - 1
            RETURNING s.grain_id, s.state_name, s.version
            """);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.GrainId).ToArray());
        command.Parameters.AddWithValue("names", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.StateName).ToArray());
        command.Parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Payload).ToArray());
        command.Parameters.AddWithValue("versions", NpgsqlDbType.Array | NpgsqlDbType.Integer, rows.Select(r => (r.ExpectedVersion ?? 0) + 1).ToArray());
        var written = new Dictionary<(string, string), int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                written[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
            }
        }

        foreach (var row in rows)
        {
            row.Result.TrySetResult(written.TryGetValue((row.GrainId, row.StateName), out var version) ? version : null);
        }
    }

    private sealed record ReadRequest(string GrainId, string StateName) : IBatched
    {
        public TaskCompletionSource<StoredState?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception exception) => Result.TrySetException(exception);
    }

    private sealed record WriteRequest(string GrainId, string StateName, byte[]? Payload, int? ExpectedVersion) : IBatched
    {
        public TaskCompletionSource<int?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception exception) => Result.TrySetException(exception);
    }
}
