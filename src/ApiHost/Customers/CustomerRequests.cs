namespace OrderActors.ApiHost.Customers;

public sealed record PutCustomerRequest(string? Name, string? Email, string? Phone, bool? RequiresReview);
