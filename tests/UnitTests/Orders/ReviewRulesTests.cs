using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

public sealed class ReviewRulesTests
{
    private static readonly OrderOptions Defaults = new();

    private static OrderLine Line(int quantity, decimal unitPrice) =>
        new("SKU", "SKU", quantity, unitPrice, 0.13m, OrderPricing.LineTotal(unitPrice, quantity));

    [Fact]
    public void An_ordinary_order_is_auto_approved()
    {
        var lines = new[] { Line(2, 199m) };
        Assert.Null(ReviewRules.ManualReviewReason(Defaults, lines, 398m, customerRequiresReview: false));
    }

    [Fact]
    public void A_total_at_the_threshold_is_auto_approved_and_above_it_is_reviewed()
    {
        Assert.Null(ReviewRules.ManualReviewReason(Defaults, [Line(1, 5000m)], 5000.00m, false));
        Assert.Contains("exceeds 5000.00", ReviewRules.ManualReviewReason(Defaults, [Line(1, 5000.01m)], 5000.01m, false));
    }

    [Fact]
    public void A_line_quantity_above_the_maximum_is_reviewed()
    {
        Assert.Null(ReviewRules.ManualReviewReason(Defaults, [Line(50, 1m)], 50m, false));
        Assert.Contains("quantity 51", ReviewRules.ManualReviewReason(Defaults, [Line(51, 1m)], 51m, false));
    }

    [Fact]
    public void A_customer_marked_for_review_is_always_reviewed()
    {
        Assert.Equal("customer requires review", ReviewRules.ManualReviewReason(Defaults, [Line(1, 1m)], 1m, true));
    }

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var strict = new OrderOptions { ManualAboveAmount = 100m, MaxLineQuantity = 2 };
        Assert.NotNull(ReviewRules.ManualReviewReason(strict, [Line(1, 150m)], 150m, false));
        Assert.NotNull(ReviewRules.ManualReviewReason(strict, [Line(3, 1m)], 3m, false));
    }
}
