using OrderActors.Orders;
using OrderActors.Settlement;

namespace OrderActors.Tests.Orders;

public sealed class InvoiceMathTests
{
    private static OrderLine Line(string sku, int quantity, decimal price, decimal rate) => new(sku, sku, quantity, price, rate, OrderPricing.LineTotal(price, quantity));

    [Fact]
    public void Each_rate_gets_its_own_net_and_vat_that_add_up_to_the_gross()
    {
        var split = InvoiceMath.Split([Line("A", 2, 199m, 0.13m), Line("B", 1, 58m, 0.09m), Line("C", 1, 106m, 0.06m), Line("D", 3, 10m, 0m)]);

        Assert.Equal([0.13m, 0.09m, 0.06m, 0m], split.Select(l => l.TaxRate));
        Assert.Equal((398m, 352.21m, 45.79m), (split[0].Gross, split[0].Net, split[0].Tax));
        Assert.Equal((58m, 53.21m, 4.79m), (split[1].Gross, split[1].Net, split[1].Tax));
        Assert.Equal((106m, 100m, 6m), (split[2].Gross, split[2].Net, split[2].Tax));
        Assert.Equal((30m, 30m, 0m), (split[3].Gross, split[3].Net, split[3].Tax));
        Assert.All(split, l => Assert.Equal(l.Gross, l.Net + l.Tax));
    }

    [Fact]
    public void A_credit_note_shares_the_refund_across_rates_and_sums_to_it_exactly()
    {
        var invoice = InvoiceMath.Split([Line("A", 1, 100m, 0.13m), Line("B", 1, 200m, 0.09m)]);
        var credit = InvoiceMath.CreditFor(100m, invoice);

        Assert.Equal(-100m, credit.Sum(l => l.Gross));
        Assert.All(credit, l => Assert.True(l.Gross < 0 && l.Tax <= 0));
        Assert.All(credit, l => Assert.Equal(l.Gross, l.Net + l.Tax));
        Assert.Equal(-33.33m, credit[0].Gross);
        Assert.Equal(-66.67m, credit[1].Gross);
    }
}
