using System.Text.RegularExpressions;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Skus;
using OrderActors.Orders;

namespace OrderActors.ApiHost.Orders;

public static partial class OrderValidation
{
    public const int MaxLines = 100;

    public static FieldErrors Validate(PlaceOrderRequest body)
    {
        var errors = new FieldErrors();
        errors.Id("customerId", body.CustomerId);
        errors.Required("channel", body.Channel);
        Lines(errors, body.Lines);
        if (body.ShippingAddress is { } a)
        {
            errors.Text("shippingAddress.name", a.Name, 100, required: true);
            errors.Text("shippingAddress.phone", a.Phone, 32, required: true);
            errors.Text("shippingAddress.line1", a.Line1, 200, required: true);
            errors.Text("shippingAddress.line2", a.Line2, 200, required: false);
            errors.Text("shippingAddress.city", a.City, 100, required: true);
            errors.Text("shippingAddress.postalCode", a.PostalCode, 20, required: false);
            if (a.Country is null || !Country().IsMatch(a.Country))
            {
                errors.Add("shippingAddress.country", "An ISO 3166 code of two capital letters, such as CN.");
            }
        }

        if (body.Invoice is { } i)
        {
            errors.Required("invoice.kind", i.Kind);
            errors.Text("invoice.title", i.Title, 200, required: true);
            errors.Text("invoice.taxId", i.TaxId, 32, required: false);
            errors.Text("invoice.email", i.Email, 254, required: false);
        }

        return errors;
    }

    public static void Lines(FieldErrors errors, List<OrderLineBody?>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            errors.Add("lines", "At least one line is required.");
            return;
        }

        if (lines.Count > MaxLines)
        {
            errors.Add("lines", $"At most {MaxLines} lines.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                errors.Add($"lines[{i}]", "Required.");
                continue;
            }

            errors.Id($"lines[{i}].sku", line.Sku);
            SkuValidation.Quantity(errors, $"lines[{i}].quantity", line.Quantity);
            if (line.Sku is not null && !seen.Add(line.Sku))
            {
                errors.Add($"lines[{i}].sku", $"SKU '{line.Sku}' appears more than once; put the quantities on one line.");
            }
        }
    }

    public static PlaceOrder ToCommand(PlaceOrderRequest b, string actor) => new(
        b.CustomerId!, b.Channel!.Value, b.PaymentTerms ?? PaymentTerms.Prepaid, b.OnShortage ?? ShortagePolicy.Reject,
        ToLines(b.Lines!),
        b.ShippingAddress is { } a ? new ShippingAddress(a.Name!.Trim(), a.Phone!.Trim(), a.Line1!.Trim(), a.Line2, a.City!.Trim(), a.PostalCode, a.Country!) : null,
        b.Invoice is { } i ? new InvoiceRequest(i.Kind!.Value, i.Title!.Trim(), i.TaxId, i.Email) : null,
        actor);

    public static List<OrderLineRequest> ToLines(List<OrderLineBody?> lines) =>
        lines.Select(l => new OrderLineRequest(l!.Sku!, l.Quantity!.Value)).ToList();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();
}
