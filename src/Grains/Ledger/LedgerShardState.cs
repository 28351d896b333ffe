using OrderActors.Common;

namespace OrderActors.Ledger;

[GenerateSerializer, Alias("OrderActors.LedgerShardState")]
public sealed class LedgerShardState
{
    /// <summary>Where earlier builds kept every entry of the shard-day, written whole with each posting; moved into
    /// <see cref="Journal"/> on activation.</summary>
    [Id(0)] public Dictionary<string, JournalEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The shard-day's entries in the order they were posted: a write carries the open page only.</summary>
    [Id(1)] public PagedLog<JournalEntry> Journal { get; set; } = new();
}
