using System.Security.Cryptography;
using System.Text;
using OrderActors.Common;
using OrderActors.Idempotency;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>
/// Idempotency-Key handling for creating POSTs: the same key and body replays the first response, the
/// same key with another body is refused, and concurrent retries wait for the first to finish.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IGrainFactory grains, TimeProvider time)
{
    public const string Header = "Idempotency-Key";

    private static readonly object ResourceIdKey = new();

    /// <summary>The id fixed at the key's first use, for the resource the request creates.</summary>
    public static string? ResourceIdOf(HttpContext http) => http.Items.TryGetValue(ResourceIdKey, out var id) ? (string?)id : null;

    public async Task InvokeAsync(HttpContext http)
    {
        var key = http.Request.Headers[Header].ToString();
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentRequest>() is null || !http.Request.Headers.ContainsKey(Header))
        {
            await next(http);
            return;
        }

        if (key.Length is < 1 or > 100 || key.Any(c => c is < ' ' or > '~'))
        {
            await Write(http, Problems.Validation(new Dictionary<string, string[]> { [Header] = ["1-100 printable ASCII characters."] }));
            return;
        }

        var body = await RequestBody.ReadAsync(http);
        if (body is null)
        {
            await Write(http, Problems.Of(ErrorCodes.PayloadTooLarge, $"The request body is larger than {RequestBody.Limit} bytes."));
            return;
        }

        var hash = Hash(http, body);
        var grain = grains.GetGrain<IIdempotencyGrain>($"{Actor.Of(http)}/{key}");
        // A retry waits for the first request at most this long, well within a grain call's response timeout
        // (10 s): a wait longer than the call would end in a timeout, and the answer could be lost with it.
        var decision = await grain.Begin(hash, OrderIds.New(time), TimeSpan.FromSeconds(5));
        switch (decision.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await Write(http, Problems.Of(ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was used with a different request."));
                return;
            case IdempotencyOutcome.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await Write(http, Problems.Of(ErrorCodes.RequestInProgress, "The first request with this Idempotency-Key has not finished; retry shortly."));
                return;
            case IdempotencyOutcome.Replay:
                await Replay(http, decision.Response!);
                return;
        }

        http.Items[ResourceIdKey] = decision.ResourceId;
        await Execute(http, grain, hash);
    }

    private async Task Execute(HttpContext http, IIdempotencyGrain grain, string hash)
    {
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await grain.Abandon(hash);
            throw;
        }

        http.Response.Body = original;
        var status = http.Response.StatusCode;
        if (status < 500 && status is not (401 or 403 or 429))
        {
            await grain.Complete(hash, new StoredResponse(status, http.Response.ContentType ?? "application/json",
                captured.ToArray(), http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null));
        }
        else
        {
            await grain.Abandon(hash);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task Replay(HttpContext http, StoredResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (response.Location is not null)
        {
            http.Response.Headers.Location = response.Location;
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    private static Task Write(HttpContext http, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result) => result.ExecuteAsync(http);

    private static string Hash(HttpContext http, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n");
        return Convert.ToHexString(SHA256.HashData([.. head, .. body]));
    }
}
