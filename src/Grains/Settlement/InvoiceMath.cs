using OrderActors.Orders;

namespace OrderActors.Settlement;

/// <summary>Splits tax-inclusive amounts into net and VAT per rate, rounding half to even per line.</summary>
public static class InvoiceMath
{
    public static IReadOnlyList<InvoiceLine> Split(IEnumerable<OrderLine> lines) =>
        lines.GroupBy(l => l.TaxRate).OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var gross = g.Sum(l => l.LineTotal);
                var tax = g.Sum(l => OrderPricing.RoundMoney(l.LineTotal * l.TaxRate / (1 + l.TaxRate)));
                return new InvoiceLine(g.Key, gross, gross - tax, tax);
            })
            .ToList();

    /// <summary>
    /// A refund as a credit note: the amount shared across the invoice's rates in proportion to their gross,
    /// the last rate taking the rounding remainder; every figure negative.
    /// </summary>
    public static IReadOnlyList<InvoiceLine> CreditFor(decimal refund, IReadOnlyList<InvoiceLine> invoice)
    {
        var total = invoice.Sum(l => l.Gross);
        var result = new List<InvoiceLine>();
        var left = refund;
        for (var i = 0; i < invoice.Count; i++)
        {
            var gross = i == invoice.Count - 1 ? left : OrderPricing.RoundMoney(refund * invoice[i].Gross / total);
            left -= gross;
            var tax = OrderPricing.RoundMoney(gross * invoice[i].TaxRate / (1 + invoice[i].TaxRate));
            result.Add(new InvoiceLine(invoice[i].TaxRate, -gross, -(gross - tax), -tax));
        }

        return result;
    }
}
