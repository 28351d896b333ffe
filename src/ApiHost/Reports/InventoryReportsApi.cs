using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Inventory;
using OrderActors.Inventory;
using OrderActors.Stock;

namespace OrderActors.ApiHost.Reports;

public sealed record StockRow(string Sku, string Name, string Warehouse, int OnHand, int Reserved, int Available, decimal UnitCost, decimal Value);

public sealed record StockReport(IReadOnlyList<StockRow> Rows, int OnHand, int Reserved, decimal Value);

public sealed record MovementRow(string Sku, string Warehouse, MovementKind Kind, int Movements, int OnHandDelta, int ReservedDelta);

public sealed record MovementReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MovementRow> Rows);

public sealed record CountSummary(string CountId, string Warehouse, string Status, DateTimeOffset OpenedAt, int LinesCounted, int TotalVariance, decimal TotalVarianceValue);

/// <summary>Inventory reports: stock valued at unit cost, movements, transfers and counts; JSON or CSV.</summary>
public static class InventoryReportsApi
{
    public static RouteGroupBuilder MapInventoryReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports/inventory").WithTags("Reports");
        api.MapGet("/stock", Stock).Produces<StockReport>().Produces<string>(contentType: "text/csv");
        api.MapGet("/movements", Movements).Produces<MovementReport>().Produces<string>(contentType: "text/csv");
        api.MapGet("/transfers", Transfers).Produces<IReadOnlyList<TransferRecord>>().Produces<string>(contentType: "text/csv");
        api.MapGet("/counts", Counts).Produces<IReadOnlyList<CountSummary>>().Produces<string>(contentType: "text/csv");
        return api;
    }

    public static async Task<Results<Ok<StockReport>, ContentHttpResult>> Stock(HttpContext http, IGrainFactory grains)
    {
        var skus = await Skus(grains);
        var rows = skus.SelectMany(s => s.Stock.Warehouses.Select(w =>
            new StockRow(s.Sku, s.Catalog.Name, w.Warehouse, w.OnHand, w.Reserved, w.Available, s.Catalog.UnitCost, w.OnHand * s.Catalog.UnitCost))).ToList();
        var report = new StockReport(rows, rows.Sum(r => r.OnHand), rows.Sum(r => r.Reserved), rows.Sum(r => r.Value));
        return ReportsApi.WantsCsv(http)
            ? Csv("sku,warehouse,onHand,reserved,available,unitCost,value", rows.Select(r => $"{r.Sku},{r.Warehouse},{r.OnHand},{r.Reserved},{r.Available},{Money(r.UnitCost)},{Money(r.Value)}"))
            : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<MovementReport>, ContentHttpResult, ProblemHttpResult>> Movements(
        string? sku, string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end) || end - start > TimeSpan.FromDays(366))
        {
            return Period.Invalid();
        }

        var skus = sku is null ? await grains.GetGrain<IInventoryRegistryGrain>(0).Skus() : [sku];
        var movements = (await Task.WhenAll(skus.Select(s => InventoryApi.MovementsOf(grains, s, null, start, end)))).SelectMany(m => m);
        var rows = movements.GroupBy(m => (m.Sku, m.Warehouse, m.Kind))
            .OrderBy(g => g.Key.Sku, StringComparer.Ordinal).ThenBy(g => g.Key.Warehouse, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g => new MovementRow(g.Key.Sku, g.Key.Warehouse, g.Key.Kind, g.Count(), g.Sum(m => m.OnHandDelta), g.Sum(m => m.ReservedDelta))).ToList();
        return ReportsApi.WantsCsv(http)
            ? Csv("sku,warehouse,kind,movements,onHandDelta,reservedDelta", rows.Select(r => $"{r.Sku},{r.Warehouse},{Name(r.Kind)},{r.Movements},{r.OnHandDelta},{r.ReservedDelta}"))
            : TypedResults.Ok(new MovementReport(start, end, rows));
    }

    public static async Task<Results<Ok<IReadOnlyList<TransferRecord>>, ContentHttpResult, ProblemHttpResult>> Transfers(
        string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end))
        {
            return Period.Invalid();
        }

        var transfers = await grains.GetGrain<IInventoryRegistryGrain>(0).Transfers(start, end);
        return ReportsApi.WantsCsv(http)
            ? Csv("transferId,at,sku,fromWarehouse,toWarehouse,quantity,reference,actor",
                transfers.Select(t => $"{t.TransferId},{t.At.UtcDateTime:O},{t.Sku},{t.FromWarehouse},{t.ToWarehouse},{t.Quantity},{t.Reference},{t.Actor}"))
            : TypedResults.Ok(transfers);
    }

    public static async Task<Results<Ok<IReadOnlyList<CountSummary>>, ContentHttpResult>> Counts(HttpContext http, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IInventoryRegistryGrain>(0).Counts();
        var counts = (await Task.WhenAll(ids.Select(id => grains.GetGrain<ICycleCountGrain>(id).Get()))).OfType<CycleCount>().Select(CountReport.From)
            .Select(c => new CountSummary(c.CountId, c.Warehouse, c.Status, c.OpenedAt, c.LinesCounted, c.TotalVariance, c.TotalVarianceValue)).ToList();
        return ReportsApi.WantsCsv(http)
            ? Csv("countId,warehouse,status,openedAt,linesCounted,totalVariance,totalVarianceValue",
                counts.Select(c => $"{c.CountId},{c.Warehouse},{c.Status},{c.OpenedAt.UtcDateTime:O},{c.LinesCounted},{c.TotalVariance},{Money(c.TotalVarianceValue)}"))
            : TypedResults.Ok<IReadOnlyList<CountSummary>>(counts);
    }

    private static async Task<List<SkuSnapshot>> Skus(IGrainFactory grains)
    {
        var skus = await grains.GetGrain<IInventoryRegistryGrain>(0).Skus();
        return (await Task.WhenAll(skus.Select(s => grains.GetGrain<ISkuStockGrain>(s).Get()))).OfType<SkuSnapshot>().ToList();
    }

    private static ContentHttpResult Csv(string header, IEnumerable<string> rows) =>
        TypedResults.Text(new StringBuilder(header).Append('\n').AppendJoin('\n', rows).Append('\n').ToString(), "text/csv");

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Name(MovementKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
