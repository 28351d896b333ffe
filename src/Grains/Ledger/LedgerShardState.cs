namespace OrderActors.Ledger;

[GenerateSerializer, Alias("OrderActors.LedgerShardState")]
public sealed class LedgerShardState
{
    [Id(0)] public Dictionary<string, JournalEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
