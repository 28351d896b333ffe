namespace OrderActors.Ledger;

/// <summary>Posts entries to their shard-days; what fails stays with the caller's outbox for the next try.</summary>
public static class LedgerPosting
{
    /// <returns>The ids of the entries that were posted.</returns>
    public static async Task<IReadOnlySet<string>> PostAll(IGrainFactory grains, IReadOnlyList<JournalEntry> entries)
    {
        var posted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in entries.GroupBy(e => ILedgerShardGrain.KeyOf(e.At, e.Shard())))
        {
            await grains.GetGrain<ILedgerShardGrain>(group.Key).Post(group.ToList());
            posted.UnionWith(group.Select(e => e.EntryId));
        }

        return posted;
    }
}
