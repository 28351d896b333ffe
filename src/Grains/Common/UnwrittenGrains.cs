using System.Collections.Concurrent;

namespace OrderActors.Common;

/// <summary>
/// Grains this process has just given a fresh id and whose state has never been written: an order placed under a
/// new id is activated to be written, and asking the database for its state first costs a round trip and a
/// transaction per order for a row that cannot exist. The durable storage answers such a read with an empty state
/// and takes the grain off the list at its first write. A grain that is not on the list (another process, a
/// restart) is read as usual; and a write that expects no row fails if one exists, so a wrong entry cannot
/// overwrite anything.
/// </summary>
public sealed class UnwrittenGrains
{
    private readonly ConcurrentDictionary<GrainId, byte> _ids = new();

    /// <summary>Marks <paramref name="grain"/> unwritten while <paramref name="call"/> runs (the call that activates and writes it).</summary>
    public async Task<T> While<T>(GrainId grain, Func<Task<T>> call)
    {
        _ids.TryAdd(grain, 0);
        try
        {
            return await call();
        }
        finally
        {
            _ids.TryRemove(grain, out _);
        }
    }

    public bool Contains(GrainId grain) => _ids.ContainsKey(grain);

    /// <summary>The grain's state is being written: from now on it is read from storage.</summary>
    public void Written(GrainId grain) => _ids.TryRemove(grain, out _);
}
