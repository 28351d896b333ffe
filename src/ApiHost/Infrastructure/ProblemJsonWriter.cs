using System.Diagnostics;
using System.Text.Json;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>
/// Writes this API's own problems (<see cref="Problems"/>: those with a type under <see cref="Problems.TypeBase"/>)
/// as one buffer with a Content-Length, so a refusal leaves in one send instead of a chunked body and its end.
/// The JSON is the framework writer's: the same serializer options, a <c>traceId</c>, then
/// <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>. Other problems (bare status codes) go to that writer.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    public bool CanWrite(ProblemDetailsContext context) =>
        context.ProblemDetails.Type?.StartsWith(Problems.TypeBase, StringComparison.Ordinal) == true && AcceptsJson(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);

        var body = JsonSerializer.SerializeToUtf8Bytes(problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()));
        http.Response.ContentType = "application/problem+json";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static bool AcceptsJson(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0)
        {
            return true;
        }

        var accepted = request.GetTypedHeaders().Accept;
        return accepted.Count == 0 || accepted.Any(a => Json.IsSubsetOf(a) || ProblemJson.IsSubsetOf(a));
    }
}
