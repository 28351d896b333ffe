namespace OrderActors.Ledger;

/// <summary>
/// One balanced posting for one business event. <see cref="EntryId"/> is derived from the event, so the
/// same event posts once however often it is delivered.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderActors.JournalEntry")]
public sealed record JournalEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Event,
    [property: Id(3)] string? OrderId,
    [property: Id(4)] string? Sku,
    [property: Id(5)] string Memo,
    [property: Id(6)] IReadOnlyList<JournalLine> Lines)
{
    /// <summary>For money movements: the payment method, and the provider's reference (a refund carries its payment's).</summary>
    [Id(7)] public PaymentMethodRef? Payment { get; init; }

    public bool Balances => Lines.Sum(l => l.Debit) == Lines.Sum(l => l.Credit) && Lines.All(l => l.Debit >= 0 && l.Credit >= 0);

    /// <summary>Which ledger shard holds it: by order or SKU, so no one grain serializes every posting.</summary>
    public int Shard()
    {
        var hash = 2166136261u;
        foreach (var c in OrderId ?? Sku ?? EntryId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % ILedgerShardGrain.Shards);
    }
}
