namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Endpoint metadata: this POST creates something and honours the Idempotency-Key header.</summary>
public sealed class IdempotentRequest
{
    public static readonly IdempotentRequest Instance = new();
}

public static class IdempotentRequestExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.WithMetadata(IdempotentRequest.Instance);
}
