namespace OrderActors.Idempotency;

/// <summary>One Idempotency-Key of one principal (key: principal + "/" + idempotency key).</summary>
[Alias("OrderActors.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <param name="requestHash">Hash of method, route and body: the same key with another hash is refused.</param>
    [Alias("Begin")] Task<IdempotencyDecision> Begin(string requestHash, string newResourceId, TimeSpan wait);

    [Alias("Complete")] Task Complete(string requestHash, StoredResponse response);

    /// <summary>The request failed with a fault: let a retry run it again.</summary>
    [Alias("Abandon")] Task Abandon(string requestHash);
}
