using System.Globalization;
using OrderActors.Audit;

namespace OrderActors.Tests.Audit;

/// <summary>An append-only log past several pages: every entry once, oldest first, across sealed pages and the open one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PagedLogTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_log_of_several_pages_lists_every_entry_once_in_order()
    {
        var log = fixture.Grains.GetGrain<IAuditLogGrain>($"1999-01-01/{Guid.NewGuid():N}");
        var entries = Enumerable.Range(0, 600).Select(i => new AuditEntry(
            i.ToString("0000", CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddSeconds(i), "a", "admin", "x", "t", "succeeded", 200, null)).ToList();
        foreach (var entry in entries)
        {
            await log.Append(entry);
        }

        await log.Append(entries[^1]);

        Assert.Equal(entries.Select(e => e.AuditId), (await log.List()).Select(e => e.AuditId));
    }
}
