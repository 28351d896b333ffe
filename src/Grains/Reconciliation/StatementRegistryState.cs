namespace OrderActors.Reconciliation;

[GenerateSerializer, Alias("OrderActors.StatementRegistryState")]
public sealed class StatementRegistryState
{
    [Id(0)] public Dictionary<string, List<DateOnly>> Statements { get; set; } = new(StringComparer.Ordinal);
}
