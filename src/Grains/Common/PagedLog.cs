namespace OrderActors.Common;

/// <summary>
/// An append-only log kept as sealed pages plus one open page, held in its owner's state. Appending writes
/// the owner's state with at most one page of entries, and seals a page (one write of its own) each time
/// the open page fills: the cost of an append stays flat however long the log grows.
/// </summary>
[GenerateSerializer, Alias("OrderActors.PagedLog`1")]
public sealed class PagedLog<TEntry>
{
    public const int PageSize = 64;

    [Id(0)] public int SealedPages { get; set; }

    [Id(1)] public List<TEntry> Open { get; set; } = [];

    public int Count => SealedPages * PageSize + Open.Count;

    /// <summary>Adds the entries, sealing full pages; the caller then writes its state (which holds this log).</summary>
    public async Task Append(IGrainFactory grains, string key, IEnumerable<TEntry> entries)
    {
        Open.AddRange(entries);
        while (Open.Count >= PageSize)
        {
            // Sealed before the owner's state is written: a crash in between seals the same page again.
            await grains.GetGrain<ILogPageGrain<TEntry>>(PageKey(key, SealedPages)).Seal(Open.Take(PageSize).ToList());
            Open.RemoveRange(0, PageSize);
            SealedPages++;
        }
    }

    /// <summary>Every entry, oldest first.</summary>
    public async Task<IReadOnlyList<TEntry>> List(IGrainFactory grains, string key)
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, SealedPages).Select(p => grains.GetGrain<ILogPageGrain<TEntry>>(PageKey(key, p)).List()));
        return [.. pages.SelectMany(p => p), .. Open];
    }

    private static string PageKey(string key, int page) => $"{key}#{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
