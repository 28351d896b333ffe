using System.Collections.Concurrent;

namespace OrderActors.Silo.Storage;

/// <summary>
/// The embedded mode's grain state: the rows in this process's memory, lost when it stops. Each write is checked
/// against the version its grain read, as in PostgreSQL. Orleans' memory storage sent every read and write through
/// a storage grain, copying the serialized state on the way: in a steady run of the embedded host that was about
/// a fifth of its CPU samples (the serialization itself, done here too, was another sixth).
/// </summary>
public sealed class InProcessStateRows : IGrainStateRows
{
    private readonly ConcurrentDictionary<(string GrainId, string StateName), StoredState> _rows = new();

    /// <inheritdoc/>
    public Task<StoredState?> Read(string grainId, string stateName) =>
        Task.FromResult(_rows.TryGetValue((grainId, stateName), out var row) ? row : null);

    /// <inheritdoc/>
    public Task<int?> Write(string grainId, string stateName, byte[]? payload, int? expectedVersion)
    {
        var key = (grainId, stateName);
        while (true)
        {
            if (_rows.TryGetValue(key, out var current))
            {
                if (current.Version != expectedVersion)
                {
                    return Task.FromResult<int?>(null);
                }

                // Compared by reference: a write that raced this one in between changes the row, and this one is refused.
                if (_rows.TryUpdate(key, new StoredState(payload, current.Version + 1), current))
                {
                    return Task.FromResult<int?>(current.Version + 1);
                }
            }
            else
            {
                if (expectedVersion is not null)
                {
                    return Task.FromResult<int?>(null);
                }

                if (_rows.TryAdd(key, new StoredState(payload, 1)))
                {
                    return Task.FromResult<int?>(1);
                }
            }
        }
    }
}
