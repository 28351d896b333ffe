namespace OrderActors.Common;

/// <summary>The stable, machine-readable <c>code</c> values of problem responses.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";
    public const string NotFound = "not_found";
    public const string InvalidTransition = "invalid_transition";
    public const string OutOfStock = "out_of_stock";
    public const string InsufficientStock = "insufficient_stock";
    public const string CountAlreadyPosted = "count_already_posted";
    public const string Overpayment = "overpayment";
    public const string RefundExceedsPaid = "refund_exceeds_paid";
    public const string PaymentRequired = "payment_required";
    public const string PaymentConflict = "payment_conflict";
    public const string WarehouseMismatch = "warehouse_mismatch";
    public const string UnknownSku = "unknown_sku";
    public const string UnknownCustomer = "unknown_customer";
    public const string UnknownOrder = "unknown_order";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string RequestInProgress = "request_in_progress";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal_error";
}
