using System.Security.Claims;

namespace OrderActors.ApiHost.Security;

/// <summary>The authenticated caller, as the handlers need it.</summary>
public sealed record Caller(string Name, string Role, string? CustomerId)
{
    public static Caller Of(HttpContext http) => new(
        http.User.Identity?.Name ?? "anonymous",
        http.User.FindFirstValue(ClaimTypes.Role) ?? "",
        http.User.FindFirstValue(ApiKeyAuthentication.CustomerIdClaim));

    public bool IsCustomer => Role == Roles.Customer;

    /// <summary>Staff act for any customer; a customer key only for its own customer.</summary>
    public bool CanActFor(string? customerId) => !IsCustomer || customerId == CustomerId;
}
