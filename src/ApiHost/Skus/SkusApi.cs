using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Stock;

namespace OrderActors.ApiHost.Skus;

public static class SkusApi
{
    public static RouteGroupBuilder MapSkusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/skus").WithTags("SKUs and stock");
        api.MapPut("/{sku}", PutSku).Accepts<PutSkuRequest>("application/json").Audited("sku.upsert");
        api.MapGet("/{sku}", GetSku);
        api.MapPost("/{sku}/receipts", ReceiveStock).Accepts<ReceiptRequest>("application/json").Idempotent().Audited("stock.receipt");
        return api;
    }

    public static async Task<Results<Created<SkuResource>, Ok<SkuResource>, ProblemHttpResult>> PutSku(
        string sku, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<PutSkuRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = SkuValidation.Validate(sku, body!);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var catalog = new SkuCatalog(body!.Name!.Trim(), body.UnitPrice!.Value, body.UnitCost ?? 0m, body.TaxRate!.Value,
            body.Currency ?? "CNY", body.LowStockThreshold ?? 0);
        var (snapshot, created) = await grains.GetGrain<ISkuStockGrain>(sku).Upsert(catalog);
        var resource = SkuResource.From(snapshot);
        return created ? TypedResults.Created($"/api/skus/{sku}", resource) : TypedResults.Ok(resource);
    }

    public static async Task<Results<Ok<SkuResource>, ProblemHttpResult>> GetSku(string sku, IGrainFactory grains)
    {
        var snapshot = FieldErrors.IsId(sku) ? await grains.GetGrain<ISkuStockGrain>(sku).Get() : null;
        return snapshot is null ? Problems.NotFound($"SKU '{sku}'") : TypedResults.Ok(SkuResource.From(snapshot));
    }

    public static async Task<Results<Ok<SkuResource>, ProblemHttpResult>> ReceiveStock(string sku, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReceiptRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = SkuValidation.Validate(body!);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!FieldErrors.IsId(sku))
        {
            return Problems.NotFound($"SKU '{sku}'");
        }

        var snapshot = await grains.GetGrain<IReplenishmentGrain>(sku)
            .Receive(new Stock.ReceiveStock(body!.Warehouse!, body.Quantity!.Value, body.Reference, Actor.Of(http)));
        return snapshot is null ? Problems.NotFound($"SKU '{sku}'") : TypedResults.Ok(SkuResource.From(snapshot));
    }
}
