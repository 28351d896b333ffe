namespace OrderActors.ApiHost.Infrastructure;

/// <summary>
/// Who is calling, as recorded in history and used to scope idempotency keys. Until authentication lands
/// (the security issue), a recognised development key names the caller and anything else is "anonymous".
/// </summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Anonymous;
        }

        var key = header[bearer.Length..].Trim();
        return key is "dev-admin" or "dev-clerk" or "dev-warehouse" or "dev-finance"
            || (key.StartsWith("dev-customer-", StringComparison.Ordinal) && FieldErrors.IsId(key["dev-customer-".Length..]))
            ? key
            : Anonymous;
    }
}
