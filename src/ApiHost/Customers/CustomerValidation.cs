using System.Text.RegularExpressions;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Customers;

namespace OrderActors.ApiHost.Customers;

public static partial class CustomerValidation
{
    public static FieldErrors Validate(string customerId, PutCustomerRequest body)
    {
        var errors = new FieldErrors();
        if (!FieldErrors.IsId(customerId))
        {
            errors.Add("customerId", "Must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }

        errors.Text("name", body.Name, 200, required: true);
        if (body.Email is not null && (body.Email.Length > 254 || !Email().IsMatch(body.Email)))
        {
            errors.Add("email", "Not an email address.");
        }

        if (body.Phone is not null && !Phone().IsMatch(body.Phone))
        {
            errors.Add("phone", "Digits, spaces, '+', '-', '(' and ')', 3 to 32 characters.");
        }

        if (body.Addresses is { Count: > 20 })
        {
            errors.Add("addresses", "At most 20 addresses.");
        }

        for (var i = 0; i < (body.Addresses?.Count ?? 0); i++)
        {
            if (body.Addresses![i] is not { } a)
            {
                errors.Add($"addresses[{i}]", "Required.");
                continue;
            }

            errors.Text($"addresses[{i}].label", a.Label, 50, required: true);
            errors.Text($"addresses[{i}].line1", a.Line1, 200, required: true);
            errors.Text($"addresses[{i}].line2", a.Line2, 200, required: false);
            errors.Text($"addresses[{i}].city", a.City, 100, required: true);
            errors.Text($"addresses[{i}].postalCode", a.PostalCode, 20, required: false);
            if (a.Country is null || !Country().IsMatch(a.Country))
            {
                errors.Add($"addresses[{i}].country", "An ISO 3166 code of two capital letters, such as CN.");
            }
        }

        if (body.Tags is { Count: > 50 })
        {
            errors.Add("tags", "At most 50 tags.");
        }

        for (var i = 0; i < (body.Tags?.Count ?? 0); i++)
        {
            if (body.Tags![i] is not { } tag || !FieldErrors.IsId(tag))
            {
                errors.Add($"tags[{i}]", "A tag is 1-64 characters of letters, digits, '.', '_' or '-'.");
            }
        }

        return errors;
    }

    public static CustomerProfile ToProfile(PutCustomerRequest body) =>
        new(body.Name!.Trim(), body.Email, body.Phone, body.RequiresReview ?? false)
        {
            Addresses = (body.Addresses ?? []).Select(a => new Address(a!.Label!.Trim(), a.Line1!.Trim(), a.Line2, a.City!.Trim(), a.PostalCode, a.Country!)).ToList(),
            Tags = (body.Tags ?? []).Select(t => t!).Distinct(StringComparer.Ordinal).ToList(),
        };

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()-]{3,32}$")]
    private static partial Regex Phone();
}
