using OrderActors.Common;

namespace OrderActors.Ledger;

/// <remarks>
/// The journal is a paged log (<see cref="PagedLog{TEntry}"/>): a posting writes the open page and, each time it
/// fills, seals it as a page of its own, so a posting costs the same at the end of a peak day as at its start.
/// Every entry is held in memory, read back from the pages on activation, for the journal, the balances and the
/// check that each entry posts once.
/// </remarks>
[GrainType("ledger-shard")]
public sealed class LedgerShardGrain(
    [PersistentState("journal", StorageNames.Orders)] IPersistentState<LedgerShardState> store) : Grain, ILedgerShardGrain
{
    private readonly Dictionary<string, JournalEntry> _entries = new(StringComparer.Ordinal);

    private PagedLog<JournalEntry> Log => store.State.Journal;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await Log.List(GrainFactory, Key))
        {
            _entries.TryAdd(entry.EntryId, entry);
        }

        if (store.State.Entries.Count > 0)
        {
            Log.Open.AddRange(store.State.Entries.Values.Where(e => _entries.TryAdd(e.EntryId, e)));
            store.State.Entries.Clear();
            await Write();
        }
    }

    public async Task Post(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.FirstOrDefault(e => !e.Balances) is { } unbalanced)
        {
            throw new InvalidOperationException($"Journal entry {unbalanced.EntryId} does not balance.");
        }

        var first = _entries.Count == 0;
        var fresh = entries.Where(e => _entries.TryAdd(e.EntryId, e)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        // A failed write deactivates this grain (StorageFaultFilter): the entries it took in are not kept as posted.
        Log.Open.AddRange(fresh);
        await Write();
        if (first)
        {
            await GrainFactory.GetGrain<ILedgerIndexGrain>(0).Touch(DateOnly.FromDateTime(entries[0].At.UtcDateTime));
        }
    }

    /// <summary>Seals the open page once full, then writes the state: a crash in between seals the same page again.</summary>
    private async Task Write()
    {
        await Log.Seal(GrainFactory, Key, Log.Open.Count, closing: false);
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<JournalEntry>> Journal() => Task.FromResult<IReadOnlyList<JournalEntry>>([.. _entries.Values]);

    public Task<IReadOnlyDictionary<string, decimal>> Balances() => Task.FromResult<IReadOnlyDictionary<string, decimal>>(
        _entries.Values.SelectMany(e => e.Lines).GroupBy(l => l.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Debit - l.Credit), StringComparer.Ordinal));
}

/// <summary>A sealed page of a ledger shard-day's journal.</summary>
[GrainType("journal-page")]
public sealed class JournalPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<JournalEntry>> store) : LogPageGrain<JournalEntry>(store);
