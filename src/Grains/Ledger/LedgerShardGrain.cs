using OrderActors.Common;

namespace OrderActors.Ledger;

[GrainType("ledger-shard")]
public sealed class LedgerShardGrain(
    [PersistentState("journal", StorageNames.Orders)] IPersistentState<LedgerShardState> store) : Grain, ILedgerShardGrain
{
    public async Task Post(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.FirstOrDefault(e => !e.Balances) is { } unbalanced)
        {
            throw new InvalidOperationException($"Journal entry {unbalanced.EntryId} does not balance.");
        }

        var first = store.State.Entries.Count == 0;
        var fresh = entries.Where(e => store.State.Entries.TryAdd(e.EntryId, e)).Count();
        if (fresh == 0)
        {
            return;
        }

        await store.WriteStateAsync();
        if (first)
        {
            await GrainFactory.GetGrain<ILedgerIndexGrain>(0).Touch(DateOnly.FromDateTime(entries[0].At.UtcDateTime));
        }
    }

    public Task<IReadOnlyList<JournalEntry>> Journal() => Task.FromResult<IReadOnlyList<JournalEntry>>([.. store.State.Entries.Values]);

    public Task<IReadOnlyDictionary<string, decimal>> Balances() => Task.FromResult<IReadOnlyDictionary<string, decimal>>(
        store.State.Entries.Values.SelectMany(e => e.Lines).GroupBy(l => l.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Debit - l.Credit), StringComparer.Ordinal));
}
