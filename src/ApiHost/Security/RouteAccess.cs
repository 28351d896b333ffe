namespace OrderActors.ApiHost.Security;

/// <summary>How a customer key is limited on a route that customers may call.</summary>
public enum CustomerScope
{
    /// <summary>No customer data in the route (the catalog).</summary>
    None,

    /// <summary>The route's {customerId} must be the key's customer.</summary>
    OwnCustomer,

    /// <summary>The order named by the route's {orderId} must belong to the key's customer.</summary>
    OwnOrder,

    /// <summary>The complaint named by the route's {complaintId} must belong to the key's customer.</summary>
    OwnComplaint,

    /// <summary>The handler checks the customer named in the body.</summary>
    OwnBody,
}

public sealed record RouteAccess(IReadOnlyList<string> Roles, CustomerScope Scope = CustomerScope.None);
