namespace OrderActors.Common;

/// <summary>Named grain storage providers; the durable mode swaps what stands behind each name.</summary>
public static class StorageNames
{
    public const string Orders = "orders";
    public const string Stock = "stock";
    public const string Customers = "customers";
    public const string Reports = "reports";
    public const string Idempotency = "idempotency";
    public const string Audit = "audit";

    /// <summary>Sealed pages of append-only logs (movements, audit trail).</summary>
    public const string Logs = "logs";
    public const string PubSub = "PubSubStore";

    public static IReadOnlyList<string> All { get; } = [Orders, Stock, Customers, Reports, Idempotency, Audit, Logs, PubSub];
}
