using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Customers;

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers").WithTags("Customers");
        api.MapPut("/{customerId}", PutCustomer).Accepts<PutCustomerRequest>("application/json").Audited("customer.upsert");
        api.MapGet("/{customerId}", GetCustomer);
        api.MapGet("/{customerId}/orders", ListOrders);
        api.MapGet("/{customerId}/notifications", ListNotifications);
        return api;
    }

    public static async Task<Results<Created<CustomerResource>, Ok<CustomerResource>, ProblemHttpResult>> PutCustomer(
        string customerId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<PutCustomerRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = CustomerValidation.Validate(customerId, body!);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var profile = CustomerValidation.ToProfile(body!);
        var (customer, created) = await grains.GetGrain<ICustomerGrain>(customerId).Upsert(profile);
        var resource = CustomerResource.From(customer);
        return created ? TypedResults.Created($"/api/customers/{customerId}", resource) : TypedResults.Ok(resource);
    }

    public static async Task<Results<Ok<CustomerResource>, ProblemHttpResult>> GetCustomer(string customerId, IGrainFactory grains)
    {
        var customer = await Find(grains, customerId);
        return customer is null ? Problems.NotFound($"Customer '{customerId}'") : TypedResults.Ok(CustomerResource.From(customer));
    }

    public static async Task<Results<Ok<Page<CustomerOrder>>, ProblemHttpResult>> ListOrders(
        string customerId, string? status, int? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var filter = errors.PagedQuery<OrderStatus>(status, limit, cursor);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (await Find(grains, customerId) is null)
        {
            return Problems.NotFound($"Customer '{customerId}'");
        }

        var page = await grains.GetGrain<ICustomerGrain>(customerId).ListOrders(filter, limit ?? 20, cursor);
        return TypedResults.Ok(new Page<CustomerOrder>(page.Items, page.NextCursor));
    }

    public static async Task<Results<Ok<Page<Notification>>, ProblemHttpResult>> ListNotifications(
        string customerId, int? limit, IGrainFactory grains)
    {
        if (limit is < 1 or > 200)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["From 1 to 200."] });
        }

        if (await Find(grains, customerId) is null)
        {
            return Problems.NotFound($"Customer '{customerId}'");
        }

        var notices = await grains.GetGrain<ICustomerGrain>(customerId).ListNotifications(limit ?? 50);
        return TypedResults.Ok(new Page<Notification>(notices, null));
    }

    private static Task<CustomerSnapshot?> Find(IGrainFactory grains, string customerId) =>
        FieldErrors.IsId(customerId) ? grains.GetGrain<ICustomerGrain>(customerId).Get() : Task.FromResult<CustomerSnapshot?>(null);
}
