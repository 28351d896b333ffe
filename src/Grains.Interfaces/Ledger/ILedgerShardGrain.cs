namespace OrderActors.Ledger;

/// <summary>
/// One shard of one UTC day of the journal (key "yyyy-MM-dd/shard"). Entries spread over shards by their
/// order or SKU, so a peak day's payments are posted in parallel; each entry posts once (by id).
/// </summary>
[Alias("OrderActors.ILedgerShardGrain")]
public interface ILedgerShardGrain : IGrainWithStringKey
{
    public const int Shards = 16;

    [Alias("Post")] Task Post(IReadOnlyList<JournalEntry> entries);

    [Alias("Journal")] Task<IReadOnlyList<JournalEntry>> Journal();

    /// <summary>Debit minus credit per account over this shard-day.</summary>
    [Alias("Balances")] Task<IReadOnlyDictionary<string, decimal>> Balances();

    public static string KeyOf(DateTimeOffset at, int shard) =>
        $"{at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}/{shard.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
