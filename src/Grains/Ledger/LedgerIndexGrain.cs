using OrderActors.Common;

namespace OrderActors.Ledger;

[GrainType("ledger-index")]
public sealed class LedgerIndexGrain(
    [PersistentState("ledger-days", StorageNames.Orders)] IPersistentState<LedgerIndexState> store) : Grain, ILedgerIndexGrain
{
    public async Task Touch(DateOnly day)
    {
        if (store.State.Days.Add(day))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<DateOnly>> Days() => Task.FromResult<IReadOnlyList<DateOnly>>([.. store.State.Days]);
}
