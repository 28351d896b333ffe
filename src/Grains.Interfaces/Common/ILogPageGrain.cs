namespace OrderActors.Common;

/// <summary>
/// One full page of an append-only log (key "{log key}#{page}"): written once when its log seals it, then
/// only read. A log keeps its open page in its own state, so appending never rewrites the whole history.
/// </summary>
[Alias("OrderActors.ILogPageGrain`1")]
public interface ILogPageGrain<TEntry> : IGrainWithStringKey
{
    /// <summary>Stores the page's entries; sealing the same page again (a retry) stores the same entries.</summary>
    [Alias("Seal")] Task Seal(IReadOnlyList<TEntry> entries);

    [Alias("List")] Task<IReadOnlyList<TEntry>> List();
}
