using Microsoft.AspNetCore.Http;
using OrderActors.Common;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Gives framework-made problems (unknown route, wrong method) the same <c>code</c> as ours.</summary>
public static class StatusProblems
{
    public static void AddCode(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (extensions.ContainsKey("code"))
        {
            return;
        }

        extensions["code"] = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => ErrorCodes.ValidationFailed,
            StatusCodes.Status404NotFound => ErrorCodes.NotFound,
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status503ServiceUnavailable => ErrorCodes.Unavailable,
            _ => ErrorCodes.Internal,
        };
    }
}
