using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Skus;
using OrderActors.Common;
using OrderActors.Inventory;
using OrderActors.Orders;
using OrderActors.Stock;

namespace OrderActors.ApiHost.Inventory;

public static class InventoryApi
{
    public static RouteGroupBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapPost("/adjustments", Adjust).Accepts<AdjustmentRequest>("application/json").Idempotent().Audited("stock.adjustment");
        api.MapPost("/transfers", Transfer).Accepts<TransferRequest>("application/json").Idempotent().Audited("stock.transfer");
        api.MapGet("/transfers", (string? from, string? to, IGrainFactory grains, TimeProvider time) => Transfers(from, to, grains, time));
        api.MapGet("/alerts", Alerts);
        CountsApi.Map(api);
        app.MapGet("/api/skus/{sku}/movements", Movements).WithTags("SKUs and stock");
        return api;
    }

    public static async Task<Results<Created<AdjustmentResource>, ProblemHttpResult>> Adjust(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync<AdjustmentRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Id("sku", body!.Sku);
        errors.Id("warehouse", body.Warehouse);
        errors.Required("reason", body.Reason);
        errors.Text("note", body.Note, 500, required: false);
        if (body.QuantityDelta is null or 0 or > 1_000_000 or < -1_000_000)
        {
            errors.Add("quantityDelta", "A whole number from -1000000 to 1000000, not zero.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = IdempotencyMiddleware.ResourceIdOf(http) ?? OrderIds.New(time);
        var result = await grains.GetGrain<ISkuStockGrain>(body.Sku!).Adjust(id, body.Warehouse!, body.QuantityDelta!.Value, body.Reason!.Value, body.Note, Actor.Of(http));
        return result.Failure is { } failure
            ? Problems.From(failure)
            : TypedResults.Created($"/api/skus/{body.Sku}/movements",
                new AdjustmentResource(id, body.Sku!, body.Warehouse!, body.QuantityDelta.Value, body.Reason.Value, body.Note, SkuResource.From(result.Sku!).Stock));
    }

    public static async Task<Results<Created<TransferResource>, ProblemHttpResult>> Transfer(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync<TransferRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Id("sku", body!.Sku);
        errors.Id("fromWarehouse", body.FromWarehouse);
        errors.Id("toWarehouse", body.ToWarehouse);
        SkuValidation.Quantity(errors, "quantity", body.Quantity);
        errors.Text("reference", body.Reference, 100, required: false);
        if (body.FromWarehouse is not null && body.FromWarehouse == body.ToWarehouse)
        {
            errors.Add("toWarehouse", "Must differ from fromWarehouse.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = IdempotencyMiddleware.ResourceIdOf(http) ?? OrderIds.New(time);
        var actor = Actor.Of(http);
        var result = await grains.GetGrain<ISkuStockGrain>(body.Sku!).Transfer(id, body.FromWarehouse!, body.ToWarehouse!, body.Quantity!.Value, body.Reference, actor);
        if (result.Failure is { } failure)
        {
            return Problems.From(failure);
        }

        var record = new TransferRecord(id, body.Sku!, body.FromWarehouse!, body.ToWarehouse!, body.Quantity.Value, body.Reference, actor, time.GetUtcNow());
        await grains.GetGrain<IInventoryRegistryGrain>(0).RecordTransfer(record);
        return TypedResults.Created("/api/inventory/transfers", new TransferResource(record, SkuResource.From(result.Sku!).Stock));
    }

    public static async Task<Results<Ok<Page<TransferRecord>>, ProblemHttpResult>> Transfers(string? from, string? to, IGrainFactory grains, TimeProvider time)
    {
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end))
        {
            return Period.Invalid();
        }

        return TypedResults.Ok(new Page<TransferRecord>(await grains.GetGrain<IInventoryRegistryGrain>(0).Transfers(start, end), null));
    }

    public static async Task<Ok<Page<LowStockAlert>>> Alerts(bool? includeCleared, IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(new Page<LowStockAlert>(
            await grains.GetGrain<IInventoryRegistryGrain>(0).Alerts(includeCleared ?? false, time.GetUtcNow().AddDays(-30)), null));

    public static async Task<Results<Ok<Page<StockMovement>>, ProblemHttpResult>> Movements(
        string sku, string? warehouse, string? from, string? to, IGrainFactory grains, TimeProvider time)
    {
        if (Period.Parse(from, to, time, TimeSpan.FromDays(30)) is not ({ } start, { } end) || end - start > TimeSpan.FromDays(366))
        {
            return Period.Invalid();
        }

        if (!FieldErrors.IsId(sku) || await grains.GetGrain<ISkuStockGrain>(sku).Get() is null)
        {
            return Problems.NotFound($"SKU '{sku}'");
        }

        return TypedResults.Ok(new Page<StockMovement>(await MovementsOf(grains, sku, warehouse, start, end), null));
    }

    public static async Task<List<StockMovement>> MovementsOf(IGrainFactory grains, string sku, string? warehouse, DateTimeOffset start, DateTimeOffset end)
    {
        var movements = await grains.GetGrain<ISkuStockGrain>(sku).Movements(start, end);
        return movements.Where(m => warehouse is null || m.Warehouse == warehouse)
            .OrderBy(m => m.At).ThenBy(m => m.MovementId, StringComparer.Ordinal).ToList();
    }
}
