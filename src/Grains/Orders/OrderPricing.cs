namespace OrderActors.Orders;

/// <summary>Totals of tax-inclusive lines: tax is what the prices contain, rounded per line.</summary>
public static class OrderPricing
{
    public static decimal LineTotal(decimal unitPrice, int quantity) => RoundMoney(unitPrice * quantity);

    public static decimal Subtotal(IEnumerable<OrderLine> lines) => lines.Sum(l => l.LineTotal);

    /// <summary>Σ round(lineTotal × rate / (1 + rate), 2), rounding half to even.</summary>
    public static decimal Tax(IEnumerable<OrderLine> lines) =>
        lines.Sum(l => RoundMoney(l.LineTotal * l.TaxRate / (1 + l.TaxRate)));

    public static decimal RoundMoney(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToEven);
}
