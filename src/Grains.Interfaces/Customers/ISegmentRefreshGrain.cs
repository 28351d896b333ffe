namespace OrderActors.Customers;

/// <summary>Recomputes every customer's segment on a reminder, so time alone moves customers (key 0).</summary>
[Alias("OrderActors.ISegmentRefreshGrain")]
public interface ISegmentRefreshGrain : IGrainWithIntegerKey
{
    /// <summary>Ensures the reminder is registered.</summary>
    [Alias("Start")] Task Start();

    /// <returns>How many customers were refreshed.</returns>
    [Alias("RefreshAll")] Task<int> RefreshAll();
}
