using System.Text.RegularExpressions;
using OrderActors.ApiHost.Infrastructure;

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

        return errors;
    }

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()-]{3,32}$")]
    private static partial Regex Phone();
}
