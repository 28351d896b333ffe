using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

public sealed class OrderPricingTests
{
    private static OrderLine Line(string sku, int quantity, decimal unitPrice, decimal rate) =>
        new(sku, sku, quantity, unitPrice, rate, OrderPricing.LineTotal(unitPrice, quantity));

    [Fact]
    public void Tax_is_contained_in_the_price_as_in_the_api_example()
    {
        var lines = new[] { Line("TEA-1", 2, 199.00m, 0.13m) };
        Assert.Equal(398.00m, OrderPricing.Subtotal(lines));
        Assert.Equal(45.79m, OrderPricing.Tax(lines));
    }

    [Fact]
    public void Tax_is_rounded_per_line_then_summed()
    {
        // Each line: 1.00 × 0.06 / 1.06 = 0.0566… → 0.06, so 0.18 in all; rounding the sum (0.1698…) would give 0.17.
        var lines = new[] { Line("A", 1, 1.00m, 0.06m), Line("B", 1, 1.00m, 0.06m), Line("C", 1, 1.00m, 0.06m) };
        Assert.Equal(0.18m, OrderPricing.Tax(lines));
    }

    [Theory]
    [InlineData(0.125, 0.12)]
    [InlineData(0.135, 0.14)]
    [InlineData(0.145, 0.14)]
    [InlineData(2.675, 2.68)]
    public void Money_rounds_half_to_even(decimal amount, decimal expected)
    {
        Assert.Equal(expected, OrderPricing.RoundMoney(amount));
    }

    [Theory]
    [InlineData(0.13, 113.00, 13.00)]
    [InlineData(0.09, 109.00, 9.00)]
    [InlineData(0.06, 106.00, 6.00)]
    [InlineData(0.00, 100.00, 0.00)]
    public void Each_vat_rate_splits_a_round_gross_exactly(decimal rate, decimal gross, decimal tax)
    {
        Assert.Equal(tax, OrderPricing.Tax([Line("X", 1, gross, rate)]));
    }

    [Fact]
    public void Line_total_is_price_times_quantity()
    {
        Assert.Equal(89.70m, OrderPricing.LineTotal(29.90m, 3));
    }

    [Fact]
    public void Mixed_rates_sum_their_own_tax()
    {
        var lines = new[] { Line("TEA-1", 2, 199.00m, 0.13m), Line("BOOK-7", 1, 58.00m, 0.09m) };
        Assert.Equal(456.00m, OrderPricing.Subtotal(lines));
        Assert.Equal(45.79m + 4.79m, OrderPricing.Tax(lines));
    }
}
