using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderActors.Common;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Builds RFC 9457 problem responses with the stable <c>code</c> extension of API.md.</summary>
public static class Problems
{
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.InvalidTransition or ErrorCodes.RefundExceedsPaid or ErrorCodes.OutOfStock or ErrorCodes.InsufficientStock or ErrorCodes.CountAlreadyPosted or ErrorCodes.Overpayment or ErrorCodes.PaymentRequired
            or ErrorCodes.PaymentConflict or ErrorCodes.WarehouseMismatch or ErrorCodes.RequestInProgress => StatusCodes.Status409Conflict,
        ErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.UnknownSku or ErrorCodes.UnknownCustomer or ErrorCodes.UnknownOrder or ErrorCodes.CurrencyMismatch
            or ErrorCodes.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult From(Failure failure)
    {
        var problem = Create(failure.Code, failure.Detail);
        if (failure.Items is { Count: > 0 } items)
        {
            problem.Extensions[failure.Code is ErrorCodes.UnknownCustomer ? "customerIds" : "skus"] = items;
        }

        if (failure.CurrentStatus is not null)
        {
            problem.Extensions["currentStatus"] = failure.CurrentStatus;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Of(string code, string detail) => TypedResults.Problem(Create(code, detail));

    public static ProblemHttpResult NotFound(string what) => Of(ErrorCodes.NotFound, $"{what} was not found.");

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(Validation(errors, "The request has invalid fields."));

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string detail)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Type = TypeOf(ErrorCodes.ValidationFailed),
            Title = "Validation failed",
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
        };
        problem.Extensions["code"] = ErrorCodes.ValidationFailed;
        return problem;
    }

    public static ProblemDetails Create(string code, string detail)
    {
        var status = StatusOf(code);
        var problem = new ProblemDetails
        {
            Type = TypeOf(code),
            Title = TitleOf(code),
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Where this API's problem types live (API.md).</summary>
    public const string TypeBase = "https://orderactors.dev/problems/";

    private static string TypeOf(string code) => $"{TypeBase}{code.Replace('_', '-')}";

    private static string TitleOf(string code) => code switch
    {
        ErrorCodes.Unauthenticated => "Missing or unknown API key",
        ErrorCodes.Forbidden => "Not allowed for this API key",
        ErrorCodes.RateLimited => "Too many requests",
        ErrorCodes.NotFound => "Not found",
        ErrorCodes.InvalidTransition => "Not allowed in the order's current status",
        ErrorCodes.OutOfStock => "Out of stock",
        ErrorCodes.RefundExceedsPaid => "Refund exceeds what was paid",
        ErrorCodes.InsufficientStock => "Not enough available stock",
        ErrorCodes.CountAlreadyPosted => "Count already posted",
        ErrorCodes.Overpayment => "Payment exceeds the balance due",
        ErrorCodes.PaymentRequired => "Payment required first",
        ErrorCodes.PaymentConflict => "Payment reference already used",
        ErrorCodes.WarehouseMismatch => "Wrong warehouse",
        ErrorCodes.UnknownSku => "Unknown SKU",
        ErrorCodes.UnknownCustomer => "Unknown customer",
        ErrorCodes.UnknownOrder => "Unknown order",
        ErrorCodes.CurrencyMismatch => "Currency mismatch",
        ErrorCodes.IdempotencyKeyReused => "Idempotency key reused with a different request",
        ErrorCodes.RequestInProgress => "A request with this idempotency key is in progress",
        ErrorCodes.PayloadTooLarge => "Request body too large",
        ErrorCodes.Unavailable => "Service unavailable",
        _ => "Internal error",
    };
}
