namespace OrderActors.Idempotency;

public enum IdempotencyOutcome
{
    /// <summary>First use of the key (or a retry after a fault): run the request.</summary>
    Execute,

    /// <summary>Answer with the stored response.</summary>
    Replay,

    /// <summary>The key was used with a different request.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,
}

/// <param name="ResourceId">An id fixed at the key's first use, so a re-executed request creates the same thing.</param>
[GenerateSerializer, Immutable, Alias("OrderActors.IdempotencyDecision")]
public sealed record IdempotencyDecision(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] string ResourceId,
    [property: Id(2)] StoredResponse? Response = null);
