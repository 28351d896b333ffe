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
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end))
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
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["'from' and 'to' are ISO 8601 dates or timestamps, 'from' first."] });
        }

        var report = CustomerReports.Service(await grains.GetGrain<IComplaintIndexGrain>(0).All(), start, end, time.GetUtcNow());
        return ReportsApi.WantsCsv(http) ? TypedResults.Text(CustomerReports.Csv(report), "text/csv") : TypedResults.Ok(report);
    }
}
