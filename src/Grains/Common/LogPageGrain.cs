namespace OrderActors.Common;

/// <summary>
/// The behaviour of <see cref="ILogPageGrain{TEntry}"/>; one sealed subclass per entry type gives it a
/// grain type and its persistent state (Orleans does not inject state into open generic grains).
/// </summary>
public abstract class LogPageGrain<TEntry>(IPersistentState<LogPageState<TEntry>> store) : Grain, ILogPageGrain<TEntry>
{
    public async Task Seal(IReadOnlyList<TEntry> entries)
    {
        store.State.Entries = [.. entries];
        await store.WriteStateAsync();
        DeactivateOnIdle();
    }

    public Task<IReadOnlyList<TEntry>> List() => Task.FromResult<IReadOnlyList<TEntry>>(store.State.Entries);
}

[GenerateSerializer, Alias("OrderActors.LogPageState`1")]
public sealed class LogPageState<TEntry>
{
    [Id(0)] public List<TEntry> Entries { get; set; } = [];
}
