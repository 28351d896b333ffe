namespace OrderActors.Settlement;

[GenerateSerializer, Alias("OrderActors.InvoiceSeriesState")]
public sealed class InvoiceSeriesState
{
    [Id(0)] public long LastNumber { get; set; }

    /// <summary>What each request got, so a repeated request gets the same number.</summary>
    [Id(1)] public Dictionary<string, string> Issued { get; set; } = new(StringComparer.Ordinal);

    /// <summary>An invoice numbered but not yet known to be in its book; stored on the next activation.</summary>
    [Id(2)] public Invoice? Pending { get; set; }
}
