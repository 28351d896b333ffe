namespace OrderActors.ApiHost.Skus;

public sealed record PutSkuRequest(
    string? Name, decimal? UnitPrice, decimal? UnitCost, decimal? TaxRate, string? Currency, int? LowStockThreshold);

public sealed record ReceiptRequest(string? Warehouse, int? Quantity, string? Reference);
