using OrderActors.ApiHost.Skus;
using OrderActors.Inventory;

namespace OrderActors.ApiHost.Inventory;

public sealed record AdjustmentRequest(string? Sku, string? Warehouse, int? QuantityDelta, AdjustmentReason? Reason, string? Note);

public sealed record TransferRequest(string? Sku, string? FromWarehouse, string? ToWarehouse, int? Quantity, string? Reference);

public sealed record OpenCountRequest(string? Warehouse, List<string?>? Skus);

public sealed record CountLinesRequest(List<CountedLine?>? Lines);

public sealed record CountedLine(string? Sku, int? Counted);

public sealed record AdjustmentResource(string AdjustmentId, string Sku, string Warehouse, int QuantityDelta, AdjustmentReason Reason, string? Note, StockResource Stock);

public sealed record TransferResource(TransferRecord Transfer, StockResource Stock);

public sealed record CountReport(
    string CountId, string Warehouse, string Status, DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? PostedAt, string? PostedBy,
    IReadOnlyList<CountReportLine> Lines, int LinesCounted, int TotalVariance, decimal TotalVarianceValue)
{
    public static CountReport From(CycleCount c) => new(
        c.CountId, c.Warehouse, c.Posted ? "posted" : "open", c.OpenedAt, c.OpenedBy, c.PostedAt, c.PostedBy,
        c.Lines.Select(l => new CountReportLine(l.Sku, l.SystemOnHand, l.Counted, l.Variance, l.UnitCost, l.VarianceValue)).ToList(),
        c.Lines.Count(l => l.Counted is not null), c.Lines.Sum(l => l.Variance ?? 0), c.Lines.Sum(l => l.VarianceValue ?? 0m));
}

public sealed record CountReportLine(string Sku, int System, int? Counted, int? Variance, decimal UnitCost, decimal? VarianceValue);
