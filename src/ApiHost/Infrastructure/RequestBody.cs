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

        byte[]? body;
        if (http.Request.ContentLength > Limit)
        {
            body = null;
        }
        else
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > Limit)
                {
                    break;
                }
            }

            body = buffer.Length > Limit ? null : buffer.ToArray();
        }

        http.Items[BodyKey] = body;
        return body;
    }
}
