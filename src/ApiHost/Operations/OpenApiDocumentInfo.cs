using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderActors.ApiHost.Operations;

/// <summary>Title, description and the bearer API key scheme of the served OpenAPI document.</summary>
public static class OpenApiDocumentInfo
{
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "OrderActors API";
        document.Info.Description = "Order settlement on Orleans: orders, stock, customers, payments and reports. "
            + "Send `Authorization: Bearer <api-key>`. Errors are RFC 9457 problem+json with a stable `code`; "
            + "creating POSTs honour `Idempotency-Key`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: dev-admin, dev-clerk, dev-warehouse, dev-finance or dev-customer-<id> in development.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
