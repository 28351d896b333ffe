using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderActors.Common;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrderActors.Silo.Storage;

/// <summary>
/// A named grain storage over a table of rows, one per grain state (<see cref="IGrainStateRows"/>): PostgreSQL's in
/// the durable mode (<see cref="GrainStateTable"/>), the process's own in the embedded mode
/// (<see cref="InProcessStateRows"/>). State is serialized by Orleans' binary serializer, the row version is the
/// ETag, and a version conflict is reported as <see cref="InconsistentStateException"/>. In the durable mode, state
/// written by earlier builds (the ADO.NET provider's table) is read through <paramref name="legacy"/> when this table
/// has no row yet, and moves here on the next write.
/// </summary>
public sealed class RowGrainStorage(
    string name, IGrainStateRows table, UnwrittenGrains unwritten, Serializer serializer, IActivatorProvider activators, LegacyGrainState? legacy = null)
    : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (unwritten.Contains(grainId))
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var row = await table.Read(grainId.ToString(), stateName);
        if (row is null && legacy is not null && await legacy.Storage(name) is { } earlier)
        {
            // No row here yet: a grain stored by an earlier build keeps its state; its first write inserts the row.
            await earlier.ReadStateAsync(stateName, grainId, grainState);
            grainState.ETag = null;
            return;
        }

        grainState.State = row?.Payload is { } payload ? serializer.Deserialize<T>(payload) : activators.GetActivator<T>().Create();
        grainState.ETag = row?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = row?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await Store(stateName, grainId, grainState.ETag, serializer.SerializeToArray(grainState.State));
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await Store(stateName, grainId, grainState.ETag, null);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    private async Task<string> Store(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        unwritten.Written(grainId);
        var expected = etag is null ? (int?)null : int.Parse(etag, CultureInfo.InvariantCulture);
        var version = await table.Write(grainId.ToString(), stateName, payload, expected)
            ?? throw new InconsistentStateException(
                $"Version conflict: storage {name}, grain {grainId}, state {stateName}: the row is no longer at version {etag ?? "(none)"}.",
                storedEtag: null, currentEtag: etag);
        return version.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The ADO.NET storage providers of earlier builds, consulted only while their table holds state (asked once
/// per silo): a deployment upgraded in place keeps every grain's state.
/// </summary>
public sealed class LegacyGrainState(NpgsqlDataSource database, IServiceProvider services)
{
    public const string Suffix = ".adonet";

    private Lazy<Task<bool>> _present = new(() => AnyRows(database));

    public async Task<IGrainStorage?> Storage(string name)
    {
        return await Present() ? services.GetRequiredKeyedService<IGrainStorage>(name + Suffix) : null;
    }

    private async Task<bool> Present()
    {
        var check = _present.Value;
        try
        {
            return await check;
        }
        catch when (check.IsFaulted)
        {
            // Unanswered (the database was unreachable): ask again next time.
            _present = new(() => AnyRows(database));
            throw;
        }
    }

    private static async Task<bool> AnyRows(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleans_grain_state WHERE payload IS NOT NULL)");
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
