namespace OrderActors.Complaints;

[Alias("OrderActors.IComplaintGrain")]
public interface IComplaintGrain : IGrainWithStringKey
{
    [Alias("File")] Task<ComplaintResult> File(FileComplaint command);

    [Alias("Get")] Task<ComplaintSnapshot?> Get();

    /// <param name="assignee">For <see cref="ComplaintAction.Assign"/>: who handles it.</param>
    [Alias("Act")] Task<ComplaintResult> Act(ComplaintAction action, string? assignee, string? note, string actor);
}
