using OrderActors.Common;

namespace OrderActors.Reconciliation;

[GrainType("statement-day")]
public sealed class StatementDayGrain(
    [PersistentState("statement-day", StorageNames.Orders)] IPersistentState<StatementDayState> store) : Grain, IStatementDayGrain
{
    public async Task Import(string statementId, IReadOnlyList<StatementLine> lines)
    {
        if (store.State.ByStatement.ContainsKey(statementId))
        {
            return;
        }

        store.State.ByStatement[statementId] = [.. lines];
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<StatementLine>> Lines() =>
        Task.FromResult<IReadOnlyList<StatementLine>>(store.State.ByStatement.Values.SelectMany(l => l).ToList());
}
