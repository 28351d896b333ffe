using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Customers;

namespace OrderActors.ApiHost.Customers;

/// <summary>What customer service does with a customer: segment overrides and service records.</summary>
public static class CustomerServiceApi
{
    private static readonly string[] Channels = ["phone", "email", "chat", "store", "visit", "other"];

    public static RouteGroupBuilder MapCustomerServiceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers/{customerId}").WithTags("Customers");
        api.MapPut("/segment-override", OverrideSegment).Accepts<SegmentOverrideRequest>("application/json").Audited("customer.segmentOverride");
        api.MapDelete("/segment-override", ClearOverride).Audited("customer.segmentOverride");
        api.MapPost("/service-records", AddServiceRecord).Accepts<ServiceRecordRequest>("application/json").Idempotent();
        api.MapGet("/service-records", ListServiceRecords);
        return api;
    }

    public static async Task<Results<Ok<CustomerResource>, ProblemHttpResult>> OverrideSegment(string customerId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<SegmentOverrideRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (body!.Segment is null || !Segmentation.All.Contains(body.Segment))
        {
            errors.Add("segment", $"One of: {string.Join(", ", Segmentation.All)}.");
        }

        errors.Text("reason", body.Reason, 500, required: true);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var customer = FieldErrors.IsId(customerId)
            ? await grains.GetGrain<ICustomerGrain>(customerId).OverrideSegment(body.Segment, body.Reason!.Trim(), Actor.Of(http))
            : null;
        return customer is null ? Problems.NotFound($"Customer '{customerId}'") : TypedResults.Ok(CustomerResource.From(customer));
    }

    public static async Task<Results<Ok<CustomerResource>, ProblemHttpResult>> ClearOverride(string customerId, HttpContext http, IGrainFactory grains)
    {
        var customer = FieldErrors.IsId(customerId)
            ? await grains.GetGrain<ICustomerGrain>(customerId).OverrideSegment(null, "cleared", Actor.Of(http))
            : null;
        return customer is null ? Problems.NotFound($"Customer '{customerId}'") : TypedResults.Ok(CustomerResource.From(customer));
    }

    public static async Task<Results<Created<ServiceRecord>, ProblemHttpResult>> AddServiceRecord(string customerId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<ServiceRecordRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (body!.Channel is null || !Channels.Contains(body.Channel))
        {
            errors.Add("channel", $"One of: {string.Join(", ", Channels)}.");
        }

        errors.Text("summary", body.Summary, 2000, required: true);
        if (body.OrderId is not null)
        {
            errors.Id("orderId", body.OrderId);
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var record = FieldErrors.IsId(customerId)
            ? await grains.GetGrain<ICustomerGrain>(customerId).AddServiceRecord(body.Channel!, body.Summary!.Trim(), body.OrderId, Actor.Of(http))
            : null;
        return record is null
            ? Problems.NotFound($"Customer '{customerId}'")
            : TypedResults.Created($"/api/customers/{customerId}/service-records", record);
    }

    public static async Task<Results<Ok<Page<ServiceRecord>>, ProblemHttpResult>> ListServiceRecords(
        string customerId, int? limit, string? cursor, IGrainFactory grains)
    {
        if (limit is < 1 or > 200)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["From 1 to 200."] });
        }

        if (!FieldErrors.IsId(customerId) || await grains.GetGrain<ICustomerGrain>(customerId).Get() is null)
        {
            return Problems.NotFound($"Customer '{customerId}'");
        }

        var (items, next) = await grains.GetGrain<ICustomerGrain>(customerId).ListServiceRecords(limit ?? 50, cursor);
        return TypedResults.Ok(new Page<ServiceRecord>(items, next));
    }
}
