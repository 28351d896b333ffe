using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderActors.ApiHost.Security;

/// <summary>Counts failed authentications per client in one-minute windows; past the limit, the client waits.</summary>
public sealed class AuthFailureThrottle(IOptions<ApiKeyOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _failures = new(StringComparer.Ordinal);

    /// <returns>How long the client must wait, or null when it may try again now.</returns>
    public TimeSpan? Blocked(string client)
    {
        var now = time.GetUtcNow();
        return _failures.TryGetValue(client, out var entry) && now - entry.Start < Window && entry.Count >= options.Value.FailuresPerMinute
            ? entry.Start + Window - now
            : null;
    }

    public void RecordFailure(string client)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > 100_000)
        {
            foreach (var stale in _failures.Where(f => now - f.Value.Start >= Window).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }

        _failures.AddOrUpdate(client, (now, 1), (_, e) => now - e.Start >= Window ? (now, 1) : (e.Start, e.Count + 1));
    }

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
