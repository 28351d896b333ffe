namespace OrderActors.ApiHost.Security;

/// <summary>The roles of API.md. Admin may do everything.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Clerk = "clerk";
    public const string Warehouse = "warehouse";
    public const string Finance = "finance";
    public const string Admin = "admin";

    public static readonly string[] All = [Customer, Clerk, Warehouse, Finance, Admin];
}
