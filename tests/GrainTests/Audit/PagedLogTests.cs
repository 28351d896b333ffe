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
        var entries = Entries(600);
        foreach (var entry in entries)
        {
            await log.Append(entry);
        }

        await log.Append(entries[^1]);

        Assert.Equal(entries.Select(e => e.AuditId), (await log.List()).Select(e => e.AuditId));
    }

    [Fact]
    public async Task Appends_arriving_together_share_writes_and_each_is_listed_once()
    {
        var log = fixture.Grains.GetGrain<IAuditLogGrain>($"1999-01-02/{Guid.NewGuid():N}");
        var entries = Entries(600);

        // Every append is answered only once stored; the last ones repeat (they stay on the open page).
        await Task.WhenAll(entries.Concat(entries.TakeLast(10)).Select(log.Append));

        var listed = (await log.List()).Select(e => e.AuditId).ToList();
        Assert.Equal(entries.Select(e => e.AuditId).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static List<AuditEntry> Entries(int count) => Enumerable.Range(0, count).Select(i => new AuditEntry(
        i.ToString("0000", CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddSeconds(i), "a", "admin", "x", "t", "succeeded", 200, null)).ToList();
}
