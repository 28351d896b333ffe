using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Common;

namespace OrderActors.ApiHost.Security;

/// <summary>Authentication, rate limits and CORS, from configuration sections <c>Auth</c>, <c>RateLimits</c>, <c>Cors</c>.</summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment() && configuration.GetValue<bool>("Auth:DevelopmentKeys"))
        {
            throw new InvalidOperationException(
                $"Development API keys are enabled in the '{builder.Environment.EnvironmentName}' environment. " +
                "Set Auth:DevelopmentKeys to false and configure hashed keys under Auth:Keys (see README).");
        }

        builder.Services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection("Auth"));
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<AuthFailureThrottle>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService<AuditRetry>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        var perSecond = configuration.GetValue("RateLimits:PermitsPerSecond", 10_000);
        var burst = configuration.GetValue("RateLimits:Burst", 20_000);
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !http.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("open")
                    : RateLimitPartition.GetTokenBucketLimiter(http.User.Identity?.Name ?? AuthFailureThrottle.ClientOf(http), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.Of(ErrorCodes.RateLimited, "This API key has sent too many requests; retry after the time in Retry-After.")
                    .ExecuteAsync(context.HttpContext);
            };
        });

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // Closed unless origins are configured: no CORS headers, so browsers on other origins are refused.
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyMethod().WithHeaders("Authorization", "Content-Type", "Idempotency-Key")
                    .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed");
            }
        }));
        return builder;
    }

    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AccessMiddleware>();
        return app;
    }
}
