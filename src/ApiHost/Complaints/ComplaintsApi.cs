using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Security;
using OrderActors.Common;
using OrderActors.Complaints;
using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Complaints;

public static class ComplaintsApi
{
    public static RouteGroupBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/customers/{customerId}/complaints").WithTags("Complaints");
        customer.MapPost("/", File).Accepts<FileComplaintRequest>("application/json").Idempotent().Audited("complaint.file");
        customer.MapGet("/", (string customerId, string? status, int? limit, string? cursor, IGrainFactory grains, TimeProvider time) =>
            Search(grains, time, status, null, null, customerId, limit, cursor));

        var desk = app.MapGroup("/api/complaints").WithTags("Complaints");
        desk.MapGet("/", (string? status, bool? overdue, string? assignee, int? limit, string? cursor, IGrainFactory grains, TimeProvider time) =>
            Search(grains, time, status, overdue, assignee, null, limit, cursor));
        desk.MapGet("/{complaintId}", Get);
        foreach (var action in Enum.GetValues<ComplaintAction>())
        {
            var name = action.ToString().ToLowerInvariant();
            desk.MapPost($"/{{complaintId}}/{name}", (string complaintId, HttpContext http, IGrainFactory grains, TimeProvider time) => Act(complaintId, action, http, grains, time))
                .Accepts<ComplaintActionRequest>(isOptional: action != ComplaintAction.Assign, "application/json").Audited($"complaint.{name}");
        }

        return desk;
    }

    public static async Task<Results<Created<ComplaintResource>, ProblemHttpResult>> File(
        string customerId, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync<FileComplaintRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Required("category", body!.Category);
        errors.Text("description", body.Description, 4000, required: true);
        if (body.OrderId is not null)
        {
            errors.Id("orderId", body.OrderId);
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!FieldErrors.IsId(customerId) || await grains.GetGrain<ICustomerGrain>(customerId).Get() is null)
        {
            return Problems.NotFound($"Customer '{customerId}'");
        }

        if (body.OrderId is not null && (await grains.GetGrain<IOrderGrain>(body.OrderId).Get())?.CustomerId != customerId)
        {
            return Problems.Of(ErrorCodes.UnknownOrder, $"Customer '{customerId}' has no order '{body.OrderId}'.");
        }

        var id = IdempotencyMiddleware.ResourceIdOf(http) ?? OrderIds.New(time);
        var result = await grains.GetGrain<IComplaintGrain>(id).File(new FileComplaint(
            customerId, body.Category!.Value, body.Priority ?? ComplaintPriority.Normal, body.Description!.Trim(), body.OrderId, Actor.Of(http)));
        return TypedResults.Created($"/api/complaints/{id}", ComplaintResource.From(result.Complaint!, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<ComplaintResource>, ProblemHttpResult>> Get(string complaintId, IGrainFactory grains, TimeProvider time)
    {
        var complaint = FieldErrors.IsId(complaintId) ? await grains.GetGrain<IComplaintGrain>(complaintId).Get() : null;
        return complaint is null ? Problems.NotFound($"Complaint '{complaintId}'") : TypedResults.Ok(ComplaintResource.From(complaint, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ComplaintResource>, ProblemHttpResult>> Act(
        string complaintId, ComplaintAction action, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        string? assignee = null;
        string? note = null;
        if ((await RequestBody.ReadAsync(http))?.Length is > 0 || action == ComplaintAction.Assign)
        {
            var (body, problem) = await JsonBody.ReadAsync<ComplaintActionRequest>(http);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            if (action == ComplaintAction.Assign)
            {
                errors.Id("assignee", body!.Assignee);
            }

            errors.Text("note", body!.Note, 2000, required: false);
            if (errors.Any)
            {
                return Problems.Validation(errors.ToDictionary());
            }

            (assignee, note) = (body.Assignee, body.Note?.Trim());
        }

        if (!FieldErrors.IsId(complaintId))
        {
            return Problems.NotFound($"Complaint '{complaintId}'");
        }

        var result = await grains.GetGrain<IComplaintGrain>(complaintId).Act(action, assignee, note, Actor.Of(http));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Ok(ComplaintResource.From(result.Complaint!, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<Page<ComplaintResource>>, ProblemHttpResult>> Search(
        IGrainFactory grains, TimeProvider time, string? status, bool? overdue, string? assignee, string? customerId, int? limit, string? cursor)
    {
        var errors = new FieldErrors();
        var filter = errors.PagedQuery<ComplaintStatus>(status, limit, cursor);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (customerId is not null && (!FieldErrors.IsId(customerId) || await grains.GetGrain<ICustomerGrain>(customerId).Get() is null))
        {
            return Problems.NotFound($"Customer '{customerId}'");
        }

        var (items, next) = await grains.GetGrain<IComplaintIndexGrain>(0).Search(new ComplaintQuery(filter, overdue, assignee, customerId, limit ?? 50, cursor));
        var now = time.GetUtcNow();
        return TypedResults.Ok(new Page<ComplaintResource>(items.Select(c => ComplaintResource.From(c, now)).ToList(), next));
    }
}
