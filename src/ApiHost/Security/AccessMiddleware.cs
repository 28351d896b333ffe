using System.Globalization;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Common;
using OrderActors.Complaints;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Security;

/// <summary>
/// Enforces <see cref="AccessPolicy"/> on every route under /api: 401 without a known key (429 after
/// repeated failures), 403 for a role the route does not allow or another customer's data.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next, AuthFailureThrottle throttle, IGrainFactory grains)
{
    private static readonly object OrderKey = new();

    /// <summary>The order a customer-scoped route was checked against, so handlers need not load it again.</summary>
    public static OrderSnapshot? CheckedOrder(HttpContext http) => http.Items.TryGetValue(OrderKey, out var o) ? (OrderSnapshot?)o : null;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }

        // Every answer under /api needs a key, even "no such route" or "unsupported media type".
        if (http.User.Identity?.IsAuthenticated != true)
        {
            var client = AuthFailureThrottle.ClientOf(http);
            if (throttle.Blocked(client) is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Problems.Of(ErrorCodes.RateLimited, "Too many failed authentication attempts; wait before trying again.").ExecuteAsync(http);
                return;
            }

            throttle.RecordFailure(client);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Of(ErrorCodes.Unauthenticated, "Send a valid API key as 'Authorization: Bearer <api-key>'.").ExecuteAsync(http);
            return;
        }

        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(http);
            return;
        }

        var caller = Caller.Of(http);
        var key = AccessPolicy.KeyOf(http.Request.Method, endpoint.RoutePattern.RawText ?? "");
        if (!AccessPolicy.Routes.TryGetValue(key, out var access) || !AccessPolicy.Allows(access, caller.Role))
        {
            await Problems.Of(ErrorCodes.Forbidden, $"The {caller.Role} role may not call {key}.").ExecuteAsync(http);
            return;
        }

        if (caller.IsCustomer && await CustomerRefusal(http, caller, access.Scope) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    private async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> CustomerRefusal(HttpContext http, Caller caller, CustomerScope scope)
    {
        switch (scope)
        {
            case CustomerScope.OwnCustomer when !caller.CanActFor(http.GetRouteValue("customerId") as string):
                return Problems.Of(ErrorCodes.Forbidden, "A customer key can reach only its own customer's data.");
            case CustomerScope.OwnOrder:
                var orderId = http.GetRouteValue("orderId") as string;
                var order = FieldErrors.IsId(orderId) ? await grains.GetGrain<IOrderGrain>(orderId!).Get() : null;
                if (order is null)
                {
                    return Problems.NotFound($"Order '{orderId}'");
                }

                if (!caller.CanActFor(order.CustomerId))
                {
                    return Problems.Of(ErrorCodes.Forbidden, "A customer key can reach only its own orders.");
                }

                http.Items[OrderKey] = order;
                return null;
            case CustomerScope.OwnComplaint:
                var complaintId = http.GetRouteValue("complaintId") as string;
                var complaint = FieldErrors.IsId(complaintId) ? await grains.GetGrain<IComplaintGrain>(complaintId!).Get() : null;
                return complaint is null ? Problems.NotFound($"Complaint '{complaintId}'")
                    : caller.CanActFor(complaint.CustomerId) ? null
                    : Problems.Of(ErrorCodes.Forbidden, "A customer key can reach only its own complaints.");
            default:
                return null;
        }
    }
}
