using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Security;
using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Orders;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");
        api.MapPost("/", PlaceOrder).Accepts<PlaceOrderRequest>("application/json").Idempotent();
        api.MapGet("/review-queue", ReviewQueue);
        api.MapGet("/{orderId}", GetOrder);
        api.MapPost("/{orderId}/review", Review).Accepts<ReviewRequest>("application/json").Audited("order.review");
        api.MapPut("/{orderId}/lines", ModifyLines).Accepts<ModifyLinesRequest>("application/json").Audited("order.modifyLines");
        api.MapPost("/{orderId}/pick", (string orderId, HttpContext http, IGrainFactory grains) => Send(grains, orderId, o => o.Pick(Actor.Of(http))));
        api.MapPost("/{orderId}/pack", (string orderId, HttpContext http, IGrainFactory grains) => Send(grains, orderId, o => o.Pack(Actor.Of(http))));
        api.MapPost("/{orderId}/ship", Ship).Accepts<ShipRequest>("application/json").Audited("order.ship");
        api.MapPost("/{orderId}/deliver", (string orderId, HttpContext http, IGrainFactory grains) => Send(grains, orderId, o => o.Deliver(Actor.Of(http))));
        api.MapPost("/{orderId}/complete", (string orderId, HttpContext http, IGrainFactory grains) => Send(grains, orderId, o => o.Complete(Actor.Of(http))));
        api.MapPost("/{orderId}/cancel", Cancel).Accepts<CancelRequest>(isOptional: true, "application/json").Audited("order.cancel");
        api.MapPost("/{orderId}/payments", RecordPayment).Accepts<PaymentRequest>("application/json").Idempotent().Audited("order.payment");
        api.MapPost("/{orderId}/refunds", RecordRefund).Accepts<RefundRequest>("application/json").Idempotent().Audited("order.refund");
        return api;
    }

    public static async Task<Results<Created<OrderSnapshot>, ProblemHttpResult>> RecordRefund(string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<RefundRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Money("amount", body!.Amount, required: true, allowZero: false);
        errors.Text("reason", body.Reason, 500, required: true);
        if (body.Lines is { Count: > OrderValidation.MaxLines })
        {
            errors.Add("lines", $"At most {OrderValidation.MaxLines} lines.");
        }

        for (var i = 0; i < (body.Lines?.Count ?? 0); i++)
        {
            var line = body.Lines![i];
            errors.Id($"lines[{i}].sku", line?.Sku);
            Skus.SkuValidation.Quantity(errors, $"lines[{i}].quantity", line?.Quantity);
            if (line?.Warehouse is not null)
            {
                errors.Id($"lines[{i}].warehouse", line.Warehouse);
            }
        }

        if (body.Lines?.Where(l => l?.Sku is not null).GroupBy(l => l!.Sku).Any(g => g.Count() > 1) == true)
        {
            errors.Add("lines", "Each SKU once.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!FieldErrors.IsId(orderId))
        {
            return Problems.NotFound($"Order '{orderId}'");
        }

        var lines = (body.Lines ?? []).Select(l => new RefundLine(l!.Sku!, l.Quantity!.Value, l.Restock ?? false, l.Warehouse)).ToList();
        var result = await grains.GetGrain<IOrderGrain>(orderId).RecordRefund(new RecordRefund(body.Amount!.Value, body.Reason!.Trim(), lines, Actor.Of(http)));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Created($"/api/orders/{orderId}", result.Order!);
    }

    public static async Task<Results<Created<OrderSnapshot>, Ok<OrderSnapshot>, ProblemHttpResult>> PlaceOrder(
        HttpContext http, IGrainFactory grains, HeldRefusals held)
    {
        var (body, problem) = await JsonBody.ReadAsync<PlaceOrderRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = OrderValidation.Validate(body!);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!Caller.Of(http).CanActFor(body!.CustomerId))
        {
            return Problems.Of(ErrorCodes.Forbidden, "A customer key can place orders only for its own customer.");
        }

        // An id fixed by an idempotency key may already name an order (a retry): only that order can answer.
        // A fresh id cannot, so the order desk may refuse without activating an order.
        var command = OrderValidation.ToCommand(body!, Actor.Of(http));
        var keyedId = IdempotencyMiddleware.ResourceIdOf(http);
        if (keyedId is null && held.Of(command) is { } shortage)
        {
            return Problems.From(shortage);
        }

        var result = keyedId is not null
            ? await grains.GetGrain<IOrderGrain>(keyedId).Place(command)
            : await grains.GetGrain<IOrderDeskGrain>(0).Place(command);
        if (result.Failure is { } failure)
        {
            return Problems.From(failure);
        }

        return result.Created ? TypedResults.Created($"/api/orders/{result.Order!.OrderId}", result.Order) : TypedResults.Ok(result.Order);
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> GetOrder(string orderId, IGrainFactory grains)
    {
        var order = FieldErrors.IsId(orderId) ? await grains.GetGrain<IOrderGrain>(orderId).Get() : null;
        return order is null ? Problems.NotFound($"Order '{orderId}'") : TypedResults.Ok(order);
    }

    public static async Task<Results<Ok<Customers.Page<ReviewQueueItem>>, ProblemHttpResult>> ReviewQueue(int? limit, IGrainFactory grains)
    {
        if (limit is < 1 or > 200)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["From 1 to 200."] });
        }

        var entries = await grains.GetGrain<IReviewQueueGrain>(0).List(limit ?? 50);
        var orders = await Task.WhenAll(entries.Select(e => grains.GetGrain<IOrderGrain>(e.OrderId).Get()));
        var items = entries.Zip(orders)
            .Where(x => x.Second is { Status: OrderStatus.PendingReview })
            .Select(x => new ReviewQueueItem(x.First.OrderId, x.Second!.CustomerId, x.Second.Total, x.Second.Currency, x.First.Since,
                x.Second.History[^1].Note))
            .ToList();
        return TypedResults.Ok(new Customers.Page<ReviewQueueItem>(items, null));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> Review(string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReviewRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Required("decision", body!.Decision);
        errors.Text("reason", body.Reason, 500, required: false);
        return errors.Any
            ? Problems.Validation(errors.ToDictionary())
            : await Send(grains, orderId, o => o.Review(body.Decision!.Value, body.Reason, Actor.Of(http)));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> ModifyLines(string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<ModifyLinesRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        OrderValidation.Lines(errors, body!.Lines);
        return errors.Any
            ? Problems.Validation(errors.ToDictionary())
            : await Send(grains, orderId, o => o.ModifyLines(OrderValidation.ToLines(body.Lines!), Actor.Of(http)));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> Ship(string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<ShipRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Text("carrier", body!.Carrier, 50, required: true);
        errors.Text("trackingNumber", body.TrackingNumber, 100, required: true);
        if (body.Warehouse is not null)
        {
            errors.Id("warehouse", body.Warehouse);
        }

        return errors.Any
            ? Problems.Validation(errors.ToDictionary())
            : await Send(grains, orderId, o => o.Ship(new ShipOrder(body.Carrier!.Trim(), body.TrackingNumber!.Trim(), body.Warehouse, Actor.Of(http))));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> Cancel(string orderId, HttpContext http, IGrainFactory grains)
    {
        if (AccessMiddleware.CheckedOrder(http) is { Status: OrderStatus.Picking or OrderStatus.Packed })
        {
            return Problems.Of(ErrorCodes.Forbidden, "Customers can cancel an order only before picking starts; customer service can still cancel it.");
        }

        string? reason = null;
        if (http.Request.ContentLength is not 0 && (await RequestBody.ReadAsync(http))?.Length is not 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<CancelRequest>(http);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            errors.Text("reason", body!.Reason, 500, required: false);
            if (errors.Any)
            {
                return Problems.Validation(errors.ToDictionary());
            }

            reason = body.Reason;
        }

        return await Send(grains, orderId, o => o.Cancel(reason, Actor.Of(http)));
    }

    public static async Task<Results<Created<OrderSnapshot>, Ok<OrderSnapshot>, ProblemHttpResult>> RecordPayment(
        string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<PaymentRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Required("method", body!.Method);
        errors.Money("amount", body.Amount, required: true, allowZero: false);
        errors.Text("externalRef", body.ExternalRef, 100, required: true);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!FieldErrors.IsId(orderId))
        {
            return Problems.NotFound($"Order '{orderId}'");
        }

        if (AccessMiddleware.CheckedOrder(http) is { PaymentTerms: not PaymentTerms.Prepaid })
        {
            return Problems.Of(ErrorCodes.Forbidden, "Customers pay online only for prepaid orders; cash-on-delivery payments are recorded by finance.");
        }

        var result = await grains.GetGrain<IOrderGrain>(orderId)
            .RecordPayment(new RecordPayment(body.Method!.Value, body.Amount!.Value, body.ExternalRef!.Trim(), Actor.Of(http)));
        if (result.Failure is { } failure)
        {
            return Problems.From(failure);
        }

        return result.Created ? TypedResults.Created($"/api/orders/{orderId}", result.Order) : TypedResults.Ok(result.Order);
    }

    private static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> Send(
        IGrainFactory grains, string orderId, Func<IOrderGrain, Task<OrderResult>> command)
    {
        if (!FieldErrors.IsId(orderId))
        {
            return Problems.NotFound($"Order '{orderId}'");
        }

        var result = await command(grains.GetGrain<IOrderGrain>(orderId));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Ok(result.Order!);
    }
}
