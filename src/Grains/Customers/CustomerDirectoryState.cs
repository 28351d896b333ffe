using OrderActors.Common;

namespace OrderActors.Customers;

[GenerateSerializer, Alias("OrderActors.CustomerDirectoryState")]
public sealed class CustomerDirectoryState
{
    [Id(0)] public Dictionary<string, CustomerSummary> Customers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Segment moves as builds before 2026-12-08 kept them: the last 100,000, all in this row, written with every flush.
    /// Moved into <see cref="MoveLog"/> on activation.
    /// </summary>
    [Id(1)] public List<SegmentMove>? EarlierMoves { get; set; }

    /// <summary>Every segment move of this shard, in arrival order: sealed pages of their own, and the open page here.</summary>
    [Id(2)] public PagedLog<SegmentMove> MoveLog { get; set; } = new();

    /// <summary>The time span of each sealed page of <see cref="MoveLog"/>, by page number: a query reads only the pages that overlap it.</summary>
    [Id(3)] public List<MovePageSpan> MovePages { get; set; } = [];
}

/// <summary>The earliest and the latest time of the moves on one sealed page.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.MovePageSpan")]
public sealed record MovePageSpan([property: Id(0)] DateTimeOffset First, [property: Id(1)] DateTimeOffset Last)
{
    public static MovePageSpan Of(IReadOnlyList<SegmentMove> page) => new(page.Min(m => m.At), page.Max(m => m.At));

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => Last >= from && First <= to;
}
