namespace OrderActors.Customers;

[GenerateSerializer, Alias("OrderActors.CustomerDirectoryState")]
public sealed class CustomerDirectoryState
{
    [Id(0)] public Dictionary<string, CustomerSummary> Customers { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<SegmentMove> Moves { get; set; } = [];
}
