using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderActors.ApiHost.Audit;

/// <summary>Records the outcome of a privileged endpoint in the audit trail, after the handler ran.</summary>
public sealed class AuditFilter(string action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var code = inner is ProblemHttpResult problem && problem.ProblemDetails.Extensions.TryGetValue("code", out var c) ? c as string : null;
        await http.RequestServices.GetRequiredService<AuditTrail>().Record(http, action, TargetOf(http), status, code);
        return result;
    }

    private static string TargetOf(HttpContext http) =>
        http.GetRouteValue("orderId") is string order ? $"order:{order}"
        : http.GetRouteValue("sku") is string sku ? $"sku:{sku}"
        : http.GetRouteValue("complaintId") is string complaint ? $"complaint:{complaint}"
        : http.GetRouteValue("customerId") is string customer ? $"customer:{customer}"
        : http.Request.Path.ToString();
}

public static class AuditFilterExtensions
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action) => builder.AddEndpointFilter(new AuditFilter(action));
}
