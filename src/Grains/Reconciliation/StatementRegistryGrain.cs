using OrderActors.Common;

namespace OrderActors.Reconciliation;

[GrainType("statement-registry")]
public sealed class StatementRegistryGrain(
    [PersistentState("statements", StorageNames.Orders)] IPersistentState<StatementRegistryState> store) : Grain, IStatementRegistryGrain
{
    public async Task<bool> Register(string statementId, IReadOnlyList<DateOnly> days)
    {
        if (!store.State.Statements.TryAdd(statementId, [.. days]))
        {
            return false;
        }

        await store.WriteStateAsync();
        return true;
    }
}
