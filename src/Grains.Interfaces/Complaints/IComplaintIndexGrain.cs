namespace OrderActors.Complaints;

/// <summary>All complaints without their histories, for the desk's lists and the service report (key 0).</summary>
[Alias("OrderActors.IComplaintIndexGrain")]
public interface IComplaintIndexGrain : IGrainWithIntegerKey
{
    [Alias("Update")] Task Update(ComplaintSnapshot complaint);

    /// <summary>Due first (most urgent on top), then by id; paged by cursor.</summary>
    [Alias("Search")] Task<(IReadOnlyList<ComplaintSnapshot> Items, string? NextCursor)> Search(ComplaintQuery query);

    [Alias("All")] Task<IReadOnlyList<ComplaintSnapshot>> All();
}
