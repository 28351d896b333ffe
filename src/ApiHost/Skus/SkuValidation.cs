using System.Text.RegularExpressions;
using OrderActors.ApiHost.Infrastructure;

namespace OrderActors.ApiHost.Skus;

public static partial class SkuValidation
{
    public static FieldErrors Validate(string sku, PutSkuRequest body)
    {
        var errors = new FieldErrors();
        if (!FieldErrors.IsId(sku))
        {
            errors.Add("sku", "Must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }

        errors.Text("name", body.Name, 200, required: true);
        errors.Money("unitPrice", body.UnitPrice, required: true, allowZero: true);
        errors.Money("unitCost", body.UnitCost, required: false, allowZero: true);
        if (body.TaxRate is null)
        {
            errors.Add("taxRate", "Required.");
        }
        else if (body.TaxRate is < 0 or >= 1 || decimal.Round(body.TaxRate.Value, 4) != body.TaxRate)
        {
            errors.Add("taxRate", "A fraction from 0 to below 1, at most 4 decimals (0.13 for 13%).");
        }

        if (body.Currency is not null && !Currency().IsMatch(body.Currency))
        {
            errors.Add("currency", "An ISO 4217 code of three capital letters, such as CNY.");
        }

        if (body.LowStockThreshold is < 0 or > 1_000_000)
        {
            errors.Add("lowStockThreshold", "From 0 to 1000000.");
        }

        return errors;
    }

    public static FieldErrors Validate(ReceiptRequest body)
    {
        var errors = new FieldErrors();
        errors.Id("warehouse", body.Warehouse);
        Quantity(errors, "quantity", body.Quantity);
        errors.Text("reference", body.Reference, 100, required: false);
        return errors;
    }

    /// <summary>Quantities are positive integers; a million per line is beyond any real order or receipt.</summary>
    public static void Quantity(FieldErrors errors, string field, int? quantity)
    {
        if (quantity is null)
        {
            errors.Add(field, "Required.");
        }
        else if (quantity is <= 0 or > 1_000_000)
        {
            errors.Add(field, "A positive whole number up to 1000000.");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
