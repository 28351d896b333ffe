using System.Globalization;

namespace OrderActors.Orders;

/// <summary>The automatic review: null means auto-approve, otherwise the reason for manual review.</summary>
public static class ReviewRules
{
    public static string? ManualReviewReason(OrderOptions options, IReadOnlyList<OrderLine> lines, decimal total, bool customerRequiresReview)
    {
        if (customerRequiresReview)
        {
            return "customer requires review";
        }

        if (total > options.ManualAboveAmount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"total {total:0.00} exceeds {options.ManualAboveAmount:0.00}");
        }

        var large = lines.FirstOrDefault(l => l.Quantity > options.MaxLineQuantity);
        return large is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"quantity {large.Quantity} of {large.Sku} exceeds {options.MaxLineQuantity}");
    }
}
