namespace OrderActors.Reconciliation;

[GenerateSerializer, Alias("OrderActors.StatementDayState")]
public sealed class StatementDayState
{
    [Id(0)] public Dictionary<string, List<StatementLine>> ByStatement { get; set; } = new(StringComparer.Ordinal);
}
