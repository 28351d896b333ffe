using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrderActors.ApiHost.Security;

/// <summary><c>Authorization: Bearer &lt;api-key&gt;</c> → a principal with a name, a role and maybe a customer.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string CustomerIdClaim = "customer_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        const string bearer = "Bearer ";
        var key = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : "";
        if (key.Length is 0 or > 200 || keys.Find(key) is not { } holder)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        List<Claim> claims = [new(ClaimTypes.Name, holder.Name), new(ClaimTypes.Role, holder.Role)];
        if (holder.CustomerId is not null)
        {
            claims.Add(new Claim(CustomerIdClaim, holder.CustomerId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
