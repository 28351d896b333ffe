using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Complaints;
using OrderActors.Customers;

namespace OrderActors.ApiHost.Reports;

public static class CustomerReportsApi
{
    public static RouteGroupBuilder MapCustomerReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports/customers").WithTags("Reports");
        api.MapGet("/segments", Segments).Produces<SegmentReport>().Produces<string>(contentType: "text/csv");
        api.MapGet("/behaviour", Behaviour).Produces<BehaviourReport>().Produces<string>(contentType: "text/csv");
        api.MapGet("/service", Service).Produces<ServiceReport>().Produces<string>(contentType: "text/csv");
        return api;
    }

    public static async Task<Results<Ok<SegmentReport>, ContentHttpResult, ProblemHttpResult>> Segments(
        string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (Period(from, to, time) is not ({ } start, { } end))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["'from' and 'to' are ISO 8601 dates or timestamps, 'from' first."] });
        }

        var shards = Enumerable.Range(0, ICustomerDirectoryGrain.Shards).Select(s => grains.GetGrain<ICustomerDirectoryGrain>(s)).ToList();
        var customers = (await Task.WhenAll(shards.Select(s => s.Summaries()))).SelectMany(s => s).ToList();
        var moves = (await Task.WhenAll(shards.Select(s => s.Moves(start, end)))).SelectMany(m => m).ToList();
        var report = CustomerReports.Segments(customers, moves, start, end);
        return ReportsApi.WantsCsv(http) ? TypedResults.Text(CustomerReports.Csv(report), "text/csv") : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<BehaviourReport>, ContentHttpResult>> Behaviour(HttpContext http, IGrainFactory grains)
    {
        var customers = (await Task.WhenAll(Enumerable.Range(0, ICustomerDirectoryGrain.Shards)
            .Select(s => grains.GetGrain<ICustomerDirectoryGrain>(s).Summaries()))).SelectMany(s => s).ToList();
        var report = CustomerReports.Behaviour(customers);
        return ReportsApi.WantsCsv(http) ? TypedResults.Text(CustomerReports.Csv(report), "text/csv") : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ServiceReport>, ContentHttpResult, ProblemHttpResult>> Service(
        string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (Period(from, to, time) is not ({ } start, { } end))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["'from' and 'to' are ISO 8601 dates or timestamps, 'from' first."] });
        }

        var report = CustomerReports.Service(await grains.GetGrain<IComplaintIndexGrain>(0).All(), start, end, time.GetUtcNow());
        return ReportsApi.WantsCsv(http) ? TypedResults.Text(CustomerReports.Csv(report), "text/csv") : TypedResults.Ok(report);
    }

    /// <summary>The reporting period; by default the last 30 days. A date as 'to' includes that whole day.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To) Period(string? from, string? to, TimeProvider time)
    {
        var end = to is null ? time.GetUtcNow() : Parse(to, endOfDay: true);
        var start = from is null ? end?.AddDays(-30) : Parse(from, endOfDay: false);
        return start <= end ? (start, end) : (null, null);
    }

    private static DateTimeOffset? Parse(string value, bool endOfDay) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? value.Length == 10 && endOfDay ? at.AddDays(1).AddTicks(-1) : at
            : null;
}
