namespace OrderActors.Silo.Storage;

/// <summary>The rows a <see cref="RowGrainStorage"/> keeps grain state in: one per grain and state name, with a version.</summary>
public interface IGrainStateRows
{
    /// <returns>The stored row, or null when the grain never stored this state.</returns>
    Task<StoredState?> Read(string grainId, string stateName);

    /// <summary>
    /// Stores <paramref name="payload"/> (null clears) if the row is still at <paramref name="expectedVersion"/>
    /// (null: no row yet).
    /// </summary>
    /// <returns>The new version, or null when the row was at another version (nothing was written).</returns>
    Task<int?> Write(string grainId, string stateName, byte[]? payload, int? expectedVersion);
}

/// <summary>A row of grain state as read: <see cref="Payload"/> is null when the state was cleared.</summary>
public sealed record StoredState(byte[]? Payload, int Version);
