namespace OrderActors.Ledger;

/// <summary>The days that have postings (key 0), so reports know which shard-days to read.</summary>
[Alias("OrderActors.ILedgerIndexGrain")]
public interface ILedgerIndexGrain : IGrainWithIntegerKey
{
    [Alias("Touch")] Task Touch(DateOnly day);

    [Alias("Days")] Task<IReadOnlyList<DateOnly>> Days();
}
