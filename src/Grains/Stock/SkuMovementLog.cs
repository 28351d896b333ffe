using System.Globalization;
using OrderActors.Common;
using OrderActors.Inventory;

namespace OrderActors.Stock;

/// <summary>
/// A SKU's movements, held in the SKU's own state and written with the change they record: one paged log
/// per month (key "sku/yyyy-MM"). Only open pages live in the state; a month's last page is sealed once a
/// later month has begun. Movements are also published on the movement stream; <see cref="PublishedThrough"/>
/// is the sequence up to which that is done, and an entry is sealed only once published, so the
/// unpublished ones are always open.
/// </summary>
[GenerateSerializer, Alias("OrderActors.SkuMovementLog")]
public sealed class SkuMovementLog
{
    [Id(0)] public Dictionary<string, PagedLog<StockMovement>> Months { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public long PublishedThrough { get; set; }

    public static string MonthKey(string sku, DateTimeOffset at) =>
        $"{sku}/{at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>Movement ids are "{sku}:{sequence}".</summary>
    public static long SequenceOf(StockMovement movement) =>
        long.Parse(movement.MovementId.AsSpan(movement.MovementId.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);

    public void Add(StockMovement movement)
    {
        var key = MonthKey(movement.Sku, movement.At);
        if (!Months.TryGetValue(key, out var month))
        {
            Months[key] = month = new PagedLog<StockMovement>();
        }

        month.Open.Add(movement);
    }

    /// <summary>Open movements not yet published, oldest first.</summary>
    /// <remarks>A month's open movements are in the order of their sequence (each is appended as it is numbered), so
    /// the unpublished ones are at its end: most of the time, the last one or two of about thirty.</remarks>
    public List<StockMovement> Unpublished()
    {
        var unpublished = new List<StockMovement>();
        foreach (var month in Months.Values)
        {
            var open = month.Open;
            for (var i = PublishedCount(open); i < open.Count; i++)
            {
                unpublished.Add(open[i]);
            }
        }

        if (Months.Count > 1)
        {
            unpublished.Sort((a, b) => SequenceOf(a).CompareTo(SequenceOf(b)));
        }

        return unpublished;
    }

    /// <summary>How many of a month's open movements, from its oldest, are published.</summary>
    private int PublishedCount(EncodedList<StockMovement> open)
    {
        var count = open.Count;
        while (count > 0 && SequenceOf(open[count - 1]) > PublishedThrough)
        {
            count--;
        }

        return count;
    }

    /// <summary>Seals every full page of published movements, and the rest of any month before the newest.</summary>
    public async Task Seal(IGrainFactory grains)
    {
        if (Months.Count == 0)
        {
            return;
        }

        // Runs before every state write: most of the time no month has anything to seal, and that is
        // decided without looking at the entries.
        var newest = Months.Keys.Max(StringComparer.Ordinal);
        var due = Months.Where(m => m.Value.Open.Count >= PagedLog<StockMovement>.PageSize
            || (m.Value.Open.Count > 0 && !string.Equals(m.Key, newest, StringComparison.Ordinal))).ToList();
        foreach (var (key, month) in due)
        {
            var published = PublishedCount(month.Open);
            await month.Seal(grains, key, published, closing: !string.Equals(key, newest, StringComparison.Ordinal));
        }
    }

    /// <summary>The movements of the months that overlap [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<StockMovement>> List(IGrainFactory grains, string sku, DateTimeOffset from, DateTimeOffset to)
    {
        var keys = new List<string>();
        var first = from.ToUniversalTime();
        for (var month = new DateTimeOffset(first.Year, first.Month, 1, 0, 0, 0, TimeSpan.Zero); month <= to; month = month.AddMonths(1))
        {
            keys.Add(MonthKey(sku, month));
        }

        var logs = await Task.WhenAll(keys.Where(Months.ContainsKey).Select(k => Months[k].List(grains, k)));
        return [.. logs.SelectMany(l => l).Where(m => m.At >= from && m.At <= to)];
    }
}

/// <summary>A sealed page of a SKU-month's movement log.</summary>
[GrainType("movement-page")]
public sealed class MovementPageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<StockMovement>> store) : LogPageGrain<StockMovement>(store);
