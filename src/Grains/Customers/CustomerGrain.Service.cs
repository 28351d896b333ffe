using System.Globalization;

namespace OrderActors.Customers;

public sealed partial class CustomerGrain
{
    public async Task<ServiceRecord?> AddServiceRecord(string channel, string summary, string? orderId, string actor)
    {
        if (State.Profile is null)
        {
            return null;
        }

        var record = new ServiceRecord(
            $"SR-{(State.ServiceRecords.Count + 1).ToString(CultureInfo.InvariantCulture)}", channel, summary, orderId, actor, time.GetUtcNow());
        State.ServiceRecords.Add(record);
        await Write();
        return record;
    }

    /// <summary>Newest first; the cursor is the number of the last record given out.</summary>
    public Task<(IReadOnlyList<ServiceRecord> Items, string? NextCursor)> ListServiceRecords(int limit, string? cursor)
    {
        var before = int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : State.ServiceRecords.Count + 1;
        var page = Enumerable.Range(1, Math.Min(before - 1, State.ServiceRecords.Count)).Reverse().Take(limit)
            .Select(i => State.ServiceRecords[i - 1]).ToList();
        var last = before - page.Count;
        string? next = page.Count == limit && last > 1 ? last.ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult<(IReadOnlyList<ServiceRecord>, string?)>((page, next));
    }
}
