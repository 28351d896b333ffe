namespace OrderActors.Common;

/// <summary>
/// An append-only log kept as sealed pages plus one open page, held in its owner's state. The owner adds
/// entries to <see cref="Open"/> and calls <see cref="Seal"/> before writing its state, so the write holds at
/// most one page of entries and a page is sealed (one write of its own) each time the open page fills: the
/// cost of an append stays flat however long the log grows.
/// </summary>
[GenerateSerializer, Alias("OrderActors.PagedLog`1")]
public sealed class PagedLog<TEntry>
{
    public const int PageSize = 64;

    [Id(0)] public int SealedPages { get; set; }

    /// <summary>The open page as builds before 2026-12-08 stored it; moved into <see cref="Entries"/> when first used.</summary>
    [Id(1)] public List<TEntry>? EarlierOpen { get; set; }

    /// <summary>The open page, stored: use <see cref="Open"/>.</summary>
    [Id(2)] public EncodedList<TEntry> Entries { get; set; } = new();

    /// <summary>The entries not sealed yet, oldest first (each encoded once, however many writes carry it).</summary>
    public EncodedList<TEntry> Open
    {
        get
        {
            EarlierOpen = Entries.Adopt(EarlierOpen);
            return Entries;
        }
    }

    /// <summary>
    /// Seals full pages from the first <paramref name="sealable"/> open entries, and when
    /// <paramref name="closing"/> (nothing more will be appended) the rest of them as a last, shorter page.
    /// Entries appended while a page is being sealed stay open: only the sealed ones leave the open page.
    /// The caller writes its state afterwards; a crash in between seals the same page again. <paramref name="sealedPage"/>,
    /// if given, hears of each page as it leaves the open page (its entries), so that an index of the pages the
    /// caller keeps beside the log stays in step with <see cref="SealedPages"/>.
    /// </summary>
    public async Task Seal(IGrainFactory grains, string key, int sealable, bool closing, Action<IReadOnlyList<TEntry>>? sealedPage = null)
    {
        sealable = Math.Min(sealable, Open.Count);
        while (sealable >= PageSize || (closing && sealable > 0))
        {
            var page = Open.Take(Math.Min(PageSize, sealable)).ToList();
            await grains.GetGrain<ILogPageGrain<TEntry>>(PageKey(key, SealedPages)).Seal(page);
            Open.RemoveRange(0, page.Count);
            SealedPages++;
            sealedPage?.Invoke(page);
            sealable -= page.Count;
        }
    }

    /// <summary>Every entry, oldest first; safe to call while pages are being sealed.</summary>
    public Task<IReadOnlyList<TEntry>> List(IGrainFactory grains, string key) => List(grains, key, _ => true);

    /// <summary>
    /// The entries of the sealed pages <paramref name="readPage"/> picks (by number, the oldest 0) and of the open
    /// page, oldest first; safe to call while pages are being sealed.
    /// </summary>
    public async Task<IReadOnlyList<TEntry>> List(IGrainFactory grains, string key, Func<int, bool> readPage)
    {
        var sealedPages = SealedPages;
        var open = Open.ToList();
        var pages = await Task.WhenAll(Enumerable.Range(0, sealedPages).Where(readPage)
            .Select(p => grains.GetGrain<ILogPageGrain<TEntry>>(PageKey(key, p)).List()));
        return [.. pages.SelectMany(p => p), .. open];
    }

    private static string PageKey(string key, int page) => $"{key}#{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
