using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Reports;

namespace OrderActors.ApiHost.Reports;

public static class ReportsApi
{
    /// <summary>Ten years of days: a report never fans out to more day grains than this.</summary>
    private const int MaxDays = 3660;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapGet("/orders", OrdersReport).Produces<OrderReport>(contentType: "application/json").Produces<string>(contentType: "text/csv");
        return api;
    }

    public static async Task<Results<Ok<OrderReport>, ContentHttpResult, ProblemHttpResult>> OrdersReport(
        string? granularity, string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var errors = new FieldErrors();
        var unit = granularity is null ? Granularity.Day : QueryEnum.Parse<Granularity>(granularity);
        if (unit is null)
        {
            errors.Add("granularity", $"One of: {QueryEnum.Names<Granularity>()}.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = ParseDay(errors, "to", to) ?? today;
        var first = ParseDay(errors, "from", from) ?? last.AddDays(-29);
        if (first > last)
        {
            errors.Add("from", "Must not be after 'to'.");
        }
        else if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add("from", $"A report spans at most {MaxDays} days.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays);
        var figures = await Task.WhenAll(days.Select(d =>
            grains.GetGrain<IDailyOrderReportGrain>(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).GetFigures()));
        var report = OrderReportBuilder.Build(unit!.Value, first, last, figures);
        return WantsCsv(http)
            ? TypedResults.Text(OrderReportBuilder.ToCsv(report), "text/csv")
            : TypedResults.Ok(report);
    }

    public static bool WantsCsv(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static DateOnly? ParseDay(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "A date as yyyy-MM-dd.");
        return null;
    }
}
