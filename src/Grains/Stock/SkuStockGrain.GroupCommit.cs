using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>
/// Group commit: the SKU grain is the serialization point of a flash sale, so it does not wait for one
/// state write per reservation. Calls mutate the state in their own turn (check-and-reserve stays atomic:
/// no await between the check and the change), then wait for the next write (<see cref="GroupCommit"/>);
/// full pages of the movement log are sealed just before each write.
/// </summary>
public sealed partial class SkuStockGrain
{
    private GroupCommit? _commit;

    private Task WriteBatched() => (_commit ??= new GroupCommit(async () =>
    {
        await State.Movements.Seal(GrainFactory);
        await store.WriteStateAsync();
    })).Write();
}
