namespace OrderActors.Ledger;

[GenerateSerializer, Immutable, Alias("OrderActors.JournalLine")]
public sealed record JournalLine(
    [property: Id(0)] string Account,
    [property: Id(1)] decimal Debit,
    [property: Id(2)] decimal Credit);
