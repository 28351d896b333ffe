namespace OrderActors.Reconciliation;

/// <summary>Statement files imported so far, by content hash (key 0).</summary>
[Alias("OrderActors.IStatementRegistryGrain")]
public interface IStatementRegistryGrain : IGrainWithIntegerKey
{
    /// <returns>True when this file is new.</returns>
    [Alias("Register")] Task<bool> Register(string statementId, IReadOnlyList<DateOnly> days);
}
