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
        ["PUT /api/customers/{customerId}/segment-override"] = new([Clerk]),
        ["DELETE /api/customers/{customerId}/segment-override"] = new([Clerk]),
        ["POST /api/customers/{customerId}/service-records"] = new([Clerk]),
        ["GET /api/customers/{customerId}/service-records"] = new([Clerk]),
        ["POST /api/customers/{customerId}/complaints"] = new([Clerk, Customer], CustomerScope.OwnCustomer),
        ["GET /api/customers/{customerId}/complaints"] = new([Clerk, Customer], CustomerScope.OwnCustomer),
        ["GET /api/complaints"] = new([Clerk]),
        ["GET /api/complaints/{complaintId}"] = new([Clerk, Customer], CustomerScope.OwnComplaint),
        ["POST /api/complaints/{complaintId}/assign"] = new([Clerk]),
        ["POST /api/complaints/{complaintId}/start"] = new([Clerk]),
        ["POST /api/complaints/{complaintId}/resolve"] = new([Clerk]),
        ["POST /api/complaints/{complaintId}/close"] = new([Clerk]),
        ["POST /api/complaints/{complaintId}/reopen"] = new([Clerk]),

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
        ["POST /api/orders/{orderId}/refunds"] = new([Finance]),
        ["POST /api/orders/{orderId}/invoices"] = new([Finance]),
        ["GET /api/invoices/{number}"] = new([Finance]),
        ["GET /api/ledger/accounts"] = new([Finance]),
        ["GET /api/ledger/trial-balance"] = new([Finance]),
        ["GET /api/ledger/journal"] = new([Finance]),
        ["POST /api/reconciliation/statements"] = new([Finance]),
        ["GET /api/reconciliation/daily/{date}"] = new([Finance]),
        ["GET /api/reconciliation/monthly/{month}"] = new([Finance]),

        ["GET /api/skus/{sku}/movements"] = new([Warehouse, Finance]),
        ["POST /api/inventory/adjustments"] = new([Warehouse]),
        ["POST /api/inventory/transfers"] = new([Warehouse]),
        ["GET /api/inventory/transfers"] = new([Warehouse, Finance]),
        ["GET /api/inventory/alerts"] = new([Warehouse, Clerk]),
        ["POST /api/inventory/counts"] = new([Warehouse]),
        ["GET /api/inventory/counts/{countId}"] = new([Warehouse, Finance]),
        ["POST /api/inventory/counts/{countId}/lines"] = new([Warehouse]),
        ["POST /api/inventory/counts/{countId}/post"] = new([Warehouse]),
        ["GET /api/reports/inventory/stock"] = new([Warehouse, Finance]),
        ["GET /api/reports/inventory/movements"] = new([Warehouse, Finance]),
        ["GET /api/reports/inventory/transfers"] = new([Warehouse, Finance]),
        ["GET /api/reports/inventory/counts"] = new([Warehouse, Finance]),
        ["GET /api/notifications"] = new([Clerk, Warehouse]),
        ["GET /api/reports/orders"] = new([Clerk, Finance]),
        ["GET /api/reports/customers/segments"] = new([Clerk, Finance]),
        ["GET /api/reports/customers/behaviour"] = new([Clerk, Finance]),
        ["GET /api/reports/customers/service"] = new([Clerk]),
        ["GET /api/audit"] = new([]),
    };

    public static string KeyOf(string method, string routePattern) => $"{method} {routePattern.TrimEnd('/')}";

    public static bool Allows(RouteAccess access, string role) => role == Admin || access.Roles.Contains(role);
}
