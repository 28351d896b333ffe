using System.Globalization;
using OrderActors.Common;
using OrderActors.Ledger;
using Orleans.Runtime;

namespace OrderActors.Tests.Ledger;

/// <summary>A ledger shard-day whose journal runs to several pages: every entry once, in posting order, and balanced.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerShardTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_journal_of_several_pages_keeps_every_entry_once_across_reactivations()
    {
        var shard = fixture.Grains.GetGrain<ILedgerShardGrain>(UntouchedKey(1970));
        var entries = Enumerable.Range(0, 300).Select(i => Entry($"e{i:D3}", 10m + i)).ToList();
        foreach (var batch in entries.Chunk(7))
        {
            await shard.Post(batch);
        }

        // Posted again after the pages were sealed and read back: still once.
        await fixture.DeactivateAll();
        await shard.Post([entries[3], entries[150], entries[299]]);
        await fixture.DeactivateAll();

        Assert.Equal(entries.Select(e => e.EntryId), (await shard.Journal()).Select(e => e.EntryId));
        var balances = await shard.Balances();
        Assert.Equal(entries.Sum(e => e.Lines[0].Debit), balances["cash"]);
        Assert.Equal(-entries.Sum(e => e.Lines[0].Debit), balances["sales"]);
    }

    [Fact]
    public async Task A_shard_day_stored_by_an_earlier_build_moves_its_entries_into_the_journal()
    {
        var key = UntouchedKey(1980);
        var earlier = new LedgerShardState();
        earlier.Entries["old-1"] = Entry("old-1", 5m);
        earlier.Entries["old-2"] = Entry("old-2", 7m);
        var storage = fixture.Storage(StorageNames.Orders);
        var grainId = GrainId.Create("ledger-shard", key);
        await storage.WriteStateAsync("journal", grainId, new GrainState<LedgerShardState>(earlier));
        var shard = fixture.Grains.GetGrain<ILedgerShardGrain>(key);

        await shard.Post([Entry("old-2", 7m), Entry("new-1", 11m)]);

        Assert.Equal(["old-1", "old-2", "new-1"], (await shard.Journal()).Select(e => e.EntryId));
        Assert.Equal(23m, (await shard.Balances())["cash"]);
        var stored = new GrainState<LedgerShardState>(new LedgerShardState());
        await storage.ReadStateAsync("journal", grainId, stored);
        Assert.Empty(stored.State!.Entries);
        Assert.Equal(["old-1", "old-2", "new-1"], stored.State.Journal.Open.Select(e => e.EntryId));
    }

    [Fact]
    public async Task An_unbalanced_entry_is_refused_and_posts_nothing()
    {
        var shard = fixture.Grains.GetGrain<ILedgerShardGrain>(UntouchedKey(1990));
        var unbalanced = Entry("bad", 5m) with { Lines = [new JournalLine("cash", 5m, 0m), new JournalLine("sales", 0m, 4m)] };

        await Assert.ThrowsAnyAsync<Exception>(() => shard.Post([Entry("good", 1m), unbalanced]));

        Assert.Empty(await shard.Journal());
    }

    private static JournalEntry Entry(string id, decimal amount) => new(id, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
        "payment", $"o-{id}", null, "test", [new JournalLine("cash", amount, 0m), new JournalLine("sales", 0m, amount)]);

    /// <summary>A shard-day no other test touches.</summary>
    private static string UntouchedKey(int fromYear) =>
        $"{new DateOnly(fromYear, 1, 1).AddDays(Random.Shared.Next(0, 3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{Random.Shared.Next(0, ILedgerShardGrain.Shards)}";
}
