using static OrderActors.ApiHost.Security.Roles;

namespace OrderActors.ApiHost.Security;

/// <summary>
/// The role matrix: which roles may call which route, in one place. A route under /api without a row
/// here is refused for everyone (and the access tests fail), so a new route needs a decision.
/// Admin may call every route and is not listed.
/// </summary>
public static class AccessPolicy
{
    private static readonly string[] Staff = [Clerk, Warehouse, Finance];

    public static readonly IReadOnlyDictionary<string, RouteAccess> Routes = new Dictionary<string, RouteAccess>(StringComparer.Ordinal)
    {
        ["GET /api/skus/{sku}"] = new([.. Staff, Customer]),
        ["PUT /api/skus/{sku}"] = new([Warehouse]),
        ["POST /api/skus/{sku}/receipts"] = new([Warehouse]),

        ["PUT /api/customers/{customerId}"] = new([Clerk]),
        ["GET /api/customers/{customerId}"] = new([Clerk, Finance, Customer], CustomerScope.OwnCustomer),
        ["GET /api/customers/{customerId}/orders"] = new([Clerk, Finance, Customer], CustomerScope.OwnCustomer),
        ["GET /api/customers/{customerId}/notifications"] = new([Clerk, Customer], CustomerScope.OwnCustomer),

        ["POST /api/orders"] = new([Clerk, Customer], CustomerScope.OwnBody),
        ["GET /api/orders/review-queue"] = new([Clerk]),
        ["GET /api/orders/{orderId}"] = new([.. Staff, Customer], CustomerScope.OwnOrder),
        ["POST /api/orders/{orderId}/review"] = new([Clerk]),
        ["PUT /api/orders/{orderId}/lines"] = new([Clerk, Customer], CustomerScope.OwnOrder),
        ["POST /api/orders/{orderId}/pick"] = new([Warehouse]),
        ["POST /api/orders/{orderId}/pack"] = new([Warehouse]),
        ["POST /api/orders/{orderId}/ship"] = new([Warehouse]),
        ["POST /api/orders/{orderId}/deliver"] = new([Warehouse]),
        ["POST /api/orders/{orderId}/complete"] = new([Clerk, Customer], CustomerScope.OwnOrder),
        ["POST /api/orders/{orderId}/cancel"] = new([Clerk, Customer], CustomerScope.OwnOrder),
        ["POST /api/orders/{orderId}/payments"] = new([Finance, Customer], CustomerScope.OwnOrder),

        ["GET /api/notifications"] = new([Clerk, Warehouse]),
        ["GET /api/reports/orders"] = new([Clerk, Finance]),
        ["GET /api/audit"] = new([]),
    };

    public static string KeyOf(string method, string routePattern) => $"{method} {routePattern.TrimEnd('/')}";

    public static bool Allows(RouteAccess access, string role) => role == Admin || access.Roles.Contains(role);
}
