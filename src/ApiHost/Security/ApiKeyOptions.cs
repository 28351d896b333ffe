namespace OrderActors.ApiHost.Security;

/// <summary>Section <c>Auth</c>: which API keys exist and how failed attempts are slowed.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>
    /// Accept the documented development keys (dev-admin, dev-clerk, dev-warehouse, dev-finance,
    /// dev-customer-&lt;id&gt;). The host refuses to start with this on outside the Development environment.
    /// </summary>
    public bool DevelopmentKeys { get; set; }

    /// <summary>Production keys by principal name; only their SHA-256 hashes are configured.</summary>
    public Dictionary<string, ConfiguredKey> Keys { get; set; } = [];

    /// <summary>Failed authentications allowed per client per minute before it gets 429.</summary>
    public int FailuresPerMinute { get; set; } = 20;
}

public sealed class ConfiguredKey
{
    /// <summary><c>sha256:</c> followed by the hex SHA-256 of the key (see <c>--hash-key</c>).</summary>
    public string Hash { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>For the customer role: the one customer this key acts for.</summary>
    public string? CustomerId { get; set; }
}
