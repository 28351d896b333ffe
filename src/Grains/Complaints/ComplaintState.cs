namespace OrderActors.Complaints;

[GenerateSerializer, Alias("OrderActors.ComplaintState")]
public sealed class ComplaintState
{
    [Id(0)] public ComplaintSnapshot? Complaint { get; set; }
}
