namespace OrderActors.ApiHost.Customers;

public sealed record PutCustomerRequest(string? Name, string? Email, string? Phone, bool? RequiresReview, List<AddressRequest?>? Addresses, List<string?>? Tags);

public sealed record AddressRequest(string? Label, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

public sealed record SegmentOverrideRequest(string? Segment, string? Reason);

public sealed record ServiceRecordRequest(string? Channel, string? Summary, string? OrderId);
