using OrderActors.Common;
using OrderActors.Customers;

namespace OrderActors.Complaints;

/// <summary>The complaint desk's index: every complaint's current figures, without history.</summary>
[GrainType("complaint-index")]
public sealed class ComplaintIndexGrain(
    [PersistentState("complaints", StorageNames.Customers)] IPersistentState<ComplaintIndexState> store,
    TimeProvider time) : Grain, IComplaintIndexGrain
{
    public async Task Update(ComplaintSnapshot complaint)
    {
        if (store.State.Complaints.GetValueOrDefault(complaint.ComplaintId) is { } known && known.Version >= complaint.Version)
        {
            return;
        }

        store.State.Complaints[complaint.ComplaintId] = complaint with { History = [] };
        await store.WriteStateAsync();
    }

    public Task<(IReadOnlyList<ComplaintSnapshot> Items, string? NextCursor)> Search(ComplaintQuery query)
    {
        var now = time.GetUtcNow();
        var after = PageCursor.Decode(query.Cursor);
        var page = store.State.Complaints.Values
            .Where(c => (query.Status is null || c.Status == query.Status)
                && (query.Overdue is null || c.IsOverdue(now) == query.Overdue)
                && (query.Assignee is null || c.Assignee == query.Assignee)
                && (query.CustomerId is null || c.CustomerId == query.CustomerId))
            .OrderBy(c => c.DueAt.UtcTicks).ThenBy(c => c.ComplaintId, StringComparer.Ordinal)
            .Where(c => after is null || c.DueAt.UtcTicks > after.Value.Ticks
                || (c.DueAt.UtcTicks == after.Value.Ticks && string.CompareOrdinal(c.ComplaintId, after.Value.OrderId) > 0))
            .Take(query.Limit + 1)
            .ToList();
        var next = page.Count > query.Limit ? PageCursor.Encode(page[query.Limit - 1].DueAt, page[query.Limit - 1].ComplaintId) : null;
        return Task.FromResult<(IReadOnlyList<ComplaintSnapshot>, string?)>((page.Take(query.Limit).ToList(), next));
    }

    public Task<IReadOnlyList<ComplaintSnapshot>> All() => Task.FromResult<IReadOnlyList<ComplaintSnapshot>>([.. store.State.Complaints.Values]);
}
