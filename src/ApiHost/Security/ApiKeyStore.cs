using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderActors.ApiHost.Infrastructure;

namespace OrderActors.ApiHost.Security;

/// <summary>A recognised key: the principal's name (never the key itself), role and bound customer.</summary>
public sealed record KeyHolder(string Name, string Role, string? CustomerId);

/// <summary>Finds who holds an API key. Configured keys are compared by hash, in constant time.</summary>
public sealed class ApiKeyStore
{
    private const string DevCustomerPrefix = "dev-customer-";
    private readonly ApiKeyOptions _options;
    private readonly List<(byte[] Hash, KeyHolder Holder)> _configured;

    public ApiKeyStore(IOptions<ApiKeyOptions> options)
    {
        _options = options.Value;
        _configured = _options.Keys.Select(k => (ParseHash(k.Key, k.Value.Hash), new KeyHolder(k.Key, k.Value.Role, k.Value.CustomerId))).ToList();
        foreach (var (_, holder) in _configured)
        {
            if (!Roles.All.Contains(holder.Role) || (holder.Role == Roles.Customer) != FieldErrors.IsId(holder.CustomerId))
            {
                throw new InvalidOperationException($"API key '{holder.Name}': role must be one of {string.Join(", ", Roles.All)}, and CustomerId set exactly for the customer role.");
            }
        }
    }

    public KeyHolder? Find(string key)
    {
        if (_options.DevelopmentKeys && DevelopmentHolder(key) is { } dev)
        {
            return dev;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        KeyHolder? found = null;
        foreach (var (candidate, holder) in _configured)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found = holder;
            }
        }

        return found;
    }

    public static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static KeyHolder? DevelopmentHolder(string key) => key switch
    {
        "dev-admin" => new KeyHolder(key, Roles.Admin, null),
        "dev-clerk" => new KeyHolder(key, Roles.Clerk, null),
        "dev-warehouse" => new KeyHolder(key, Roles.Warehouse, null),
        "dev-finance" => new KeyHolder(key, Roles.Finance, null),
        _ when key.StartsWith(DevCustomerPrefix, StringComparison.Ordinal) && FieldErrors.IsId(key[DevCustomerPrefix.Length..]) =>
            new KeyHolder(key, Roles.Customer, key[DevCustomerPrefix.Length..]),
        _ => null,
    };

    private static byte[] ParseHash(string name, string hash) =>
        hash.StartsWith("sha256:", StringComparison.Ordinal) && hash.Length == 7 + 64
            ? Convert.FromHexString(hash[7..])
            : throw new InvalidOperationException($"API key '{name}': Hash must be 'sha256:' and 64 hex digits (run the host with --hash-key <key>).");
}
