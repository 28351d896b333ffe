namespace OrderActors.Ledger;

[GenerateSerializer, Alias("OrderActors.LedgerIndexState")]
public sealed class LedgerIndexState
{
    [Id(0)] public SortedSet<DateOnly> Days { get; set; } = [];
}
