namespace OrderActors.Customers;

/// <summary>
/// One shard of the directory of all customers (key 0..Shards-1 by customer id): their summaries and
/// segment moves, for customer reports and the periodic segment refresh. Rebuildable from the customers.
/// </summary>
[Alias("OrderActors.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithIntegerKey
{
    public const int Shards = 64;

    [Alias("Update")] Task Update(CustomerSummary summary, SegmentMove? move);

    [Alias("Summaries")] Task<IReadOnlyList<CustomerSummary>> Summaries();

    [Alias("Moves")] Task<IReadOnlyList<SegmentMove>> Moves(DateTimeOffset from, DateTimeOffset to);

    public static int ShardOf(string customerId) => (int)(Common.Fnv.Of32(customerId) % Shards);
}
