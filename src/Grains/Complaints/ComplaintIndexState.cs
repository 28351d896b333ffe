namespace OrderActors.Complaints;

[GenerateSerializer, Alias("OrderActors.ComplaintIndexState")]
public sealed class ComplaintIndexState
{
    [Id(0)] public Dictionary<string, ComplaintSnapshot> Complaints { get; set; } = new(StringComparer.Ordinal);
}
