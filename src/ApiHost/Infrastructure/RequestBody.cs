using System.Buffers;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>
/// Reads a request body once, at most <see cref="Limit"/> bytes, and keeps it for later readers
/// (the idempotency check hashes it, the handler parses it). Kestrel enforces the same limit.
/// </summary>
public static class RequestBody
{
    public const int Limit = 1024 * 1024;

    private static readonly object BodyKey = new();

    /// <returns>The body, or null when it is larger than the limit.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(BodyKey, out var cached))
        {
            return (byte[]?)cached;
        }

        var body = http.Request.ContentLength > Limit ? null : await ReadAll(http);
        http.Items[BodyKey] = body;
        return body;
    }

    /// <summary>
    /// Reads from the request's pipe until the body ends, then copies it once into an array of its size: a
    /// placement's body of a few hundred bytes costs one small array, not a read buffer and a growing stream.
    /// </summary>
    private static async Task<byte[]?> ReadAll(HttpContext http)
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(http.RequestAborted);
            var buffer = result.Buffer;
            if (buffer.Length > Limit || result.IsCompleted)
            {
                var body = buffer.Length > Limit ? null : buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed yet: wait until more of the body has arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
