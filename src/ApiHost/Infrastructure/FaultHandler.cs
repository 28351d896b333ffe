using Microsoft.AspNetCore.Diagnostics;
using OrderActors.Common;
using Orleans.Runtime;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>
/// The one place exceptions become responses: cluster or storage faults are 503 (safe to retry with the
/// same idempotency key), anything else a 500 without internals. Business refusals never get here.
/// </summary>
public sealed partial class FaultHandler(ILogger<FaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var (code, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (ErrorCodes.PayloadTooLarge, $"The request body is larger than {RequestBody.Limit} bytes."),
            BadHttpRequestException bad => (ErrorCodes.ValidationFailed, bad.Message),
            _ when IsFault(exception) =>
                (ErrorCodes.Unavailable, "The service is temporarily unavailable; retry with the same Idempotency-Key."),
            _ => (ErrorCodes.Internal, "An unexpected error occurred."),
        };

        if (code == ErrorCodes.Internal)
        {
            LogUnexpected(logger, exception, http.Request.Method, http.Request.Path);
        }
        else if (code == ErrorCodes.Unavailable)
        {
            LogUnavailable(logger, exception.GetType().Name, http.Request.Method, http.Request.Path);
        }

        if (code == ErrorCodes.Unavailable)
        {
            http.Response.Headers.RetryAfter = "1";
        }

        var result = code == ErrorCodes.ValidationFailed
            ? TypedResults.Problem(Problems.Validation(new Dictionary<string, string[]> { ["body"] = [detail] }, detail))
            : Problems.Of(code, detail);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>Faults of the cluster or its storage, anywhere in the chain: the request may succeed if retried.</summary>
    private static bool IsFault(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OrleansException or TimeoutException or OperationCanceledException or System.Data.Common.DbException
                or System.Net.Sockets.SocketException or IOException
                or Orleans.Serialization.CodecNotFoundException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Fault} on {Method} {Path}: answered 503")]
    private static partial void LogUnavailable(ILogger logger, string fault, string method, string path);
}
