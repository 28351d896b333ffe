using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Inventory;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Inventory;

/// <summary>Cycle counts: open (snapshot), record counted quantities, post the variances.</summary>
public static class CountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/counts", Open).Accepts<OpenCountRequest>("application/json").Idempotent().Audited("stock.countOpen");
        api.MapGet("/counts/{countId}", Get);
        api.MapPost("/counts/{countId}/lines", Record).Accepts<CountLinesRequest>("application/json").Audited("stock.countLines");
        api.MapPost("/counts/{countId}/post", Post).Audited("stock.countPost");
    }

    public static async Task<Results<Created<CountReport>, ProblemHttpResult>> Open(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync<OpenCountRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Id("warehouse", body!.Warehouse);
        if (body.Skus is { Count: 0 or > 1000 })
        {
            errors.Add("skus", "1 to 1000 SKUs, or leave it out to count every SKU in the warehouse.");
        }

        for (var i = 0; i < (body.Skus?.Count ?? 0); i++)
        {
            errors.Id($"skus[{i}]", body.Skus![i]);
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = IdempotencyMiddleware.ResourceIdOf(http) ?? OrderIds.New(time);
        var result = await grains.GetGrain<ICycleCountGrain>(id).Open(body.Warehouse!, body.Skus?.Select(s => s!).Distinct(StringComparer.Ordinal).ToList(), Actor.Of(http));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Created($"/api/inventory/counts/{id}", CountReport.From(result.Count!));
    }

    public static async Task<Results<Ok<CountReport>, ProblemHttpResult>> Get(string countId, IGrainFactory grains)
    {
        var count = FieldErrors.IsId(countId) ? await grains.GetGrain<ICycleCountGrain>(countId).Get() : null;
        return count is null ? Problems.NotFound($"Count '{countId}'") : TypedResults.Ok(CountReport.From(count));
    }

    public static async Task<Results<Ok<CountReport>, ProblemHttpResult>> Record(string countId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<CountLinesRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (body!.Lines is not { Count: > 0 and <= 1000 })
        {
            errors.Add("lines", "1 to 1000 lines.");
        }

        for (var i = 0; i < (body.Lines?.Count ?? 0); i++)
        {
            errors.Id($"lines[{i}].sku", body.Lines![i]?.Sku);
            if (body.Lines[i]?.Counted is not (>= 0 and <= 10_000_000))
            {
                errors.Add($"lines[{i}].counted", "A whole number from 0.");
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return await Send(grains, countId, c => c.Record(body.Lines!.Select(l => (l!.Sku!, l.Counted!.Value)).ToList()));
    }

    public static Task<Results<Ok<CountReport>, ProblemHttpResult>> Post(string countId, HttpContext http, IGrainFactory grains) =>
        Send(grains, countId, c => c.Post(Actor.Of(http)));

    private static async Task<Results<Ok<CountReport>, ProblemHttpResult>> Send(IGrainFactory grains, string countId, Func<ICycleCountGrain, Task<CountResult>> call)
    {
        if (!FieldErrors.IsId(countId))
        {
            return Problems.NotFound($"Count '{countId}'");
        }

        var result = await call(grains.GetGrain<ICycleCountGrain>(countId));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Ok(CountReport.From(result.Count!));
    }
}
