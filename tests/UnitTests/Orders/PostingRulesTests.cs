using OrderActors.Ledger;
using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

public sealed class PostingRulesTests
{
    private static readonly LedgerAccounts Accounts = new();
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static OrderLine Line(string sku, int quantity, decimal price, decimal rate, decimal cost) =>
        new(sku, sku, quantity, price, rate, OrderPricing.LineTotal(price, quantity)) { UnitCost = cost };

    private static decimal Amount(JournalEntry entry, string account) =>
        entry.Lines.Where(l => l.Account == account).Sum(l => l.Debit - l.Credit);

    [Theory]
    [InlineData(PaymentMethod.Alipay, "1012")]
    [InlineData(PaymentMethod.WechatPay, "1012")]
    [InlineData(PaymentMethod.Card, "1002")]
    [InlineData(PaymentMethod.BankTransfer, "1002")]
    [InlineData(PaymentMethod.Cash, "1001")]
    [InlineData(PaymentMethod.CashOnDelivery, "1001")]
    public void A_payment_before_completion_is_a_customer_advance_in_the_methods_account(PaymentMethod method, string account)
    {
        var entry = PostingRules.Payment(Accounts, "o1", new PaymentRecord("o1-P1", method, 398m, "X", At, "f"), completed: false);
        Assert.True(entry.Balances);
        Assert.Equal(398m, Amount(entry, account));
        Assert.Equal(-398m, Amount(entry, "2203"));
        Assert.Equal("pay:o1-P1", entry.EntryId);
    }

    [Fact]
    public void A_payment_after_completion_settles_the_receivable()
    {
        var entry = PostingRules.Payment(Accounts, "o1", new PaymentRecord("o1-P1", PaymentMethod.CashOnDelivery, 50m, "X", At, "f"), completed: true);
        Assert.Equal(-50m, Amount(entry, "1122"));
    }

    [Fact]
    public void Completion_recognises_net_revenue_and_vat_per_rate_and_cost_of_sales()
    {
        var lines = new[] { Line("A", 2, 199m, 0.13m, 80m), Line("B", 1, 58m, 0.09m, 21m), Line("C", 1, 106m, 0.06m, 50m), Line("D", 1, 10m, 0m, 4m) };
        var entry = PostingRules.Completion(Accounts, "o1", lines, gross: 572m, advances: 500m, cost: 235m, At);

        Assert.True(entry.Balances);
        Assert.Equal(500m, Amount(entry, "2203"));
        Assert.Equal(72m, Amount(entry, "1122"));
        Assert.Equal(-(45.79m + 4.79m + 6m), Amount(entry, "2221"));
        Assert.Equal(-(572m - 45.79m - 4.79m - 6m), Amount(entry, "6001"));
        Assert.Equal(235m, Amount(entry, "6401"));
        Assert.Equal(-235m, Amount(entry, "1406"));
    }

    [Fact]
    public void A_refund_after_completion_reverses_revenue_and_vat()
    {
        var lines = new[] { Line("A", 1, 113m, 0.13m, 40m) };
        var refund = new RefundRecord("o1-R1", 113m, "damaged", At, "f");
        var paid = new PaymentRecord("o1-P1", PaymentMethod.Alipay, 113m, "ALI-9", At, "f");
        var before = PostingRules.Refund(Accounts, "o1", refund, paid, lines, completed: false);
        var after = PostingRules.Refund(Accounts, "o1", refund, paid, lines, completed: true);
        Assert.Equal(new PaymentMethodRef(PaymentMethod.Alipay, "ALI-9", 113m), after.Payment);

        Assert.True(before.Balances && after.Balances);
        Assert.Equal(113m, Amount(before, "2203"));
        Assert.Equal((100m, 13m, -113m), (Amount(after, "6001"), Amount(after, "2221"), Amount(after, "1012")));
    }

    [Theory]
    [InlineData("receipt", 10, "2202")]
    [InlineData("adjustment", -3, "1901")]
    [InlineData("countCorrection", 2, "1901")]
    public void Stock_changes_move_inventory_at_unit_cost(string kind, int quantity, string other)
    {
        var entry = PostingRules.StockChange(Accounts, "S", "S:1", kind, quantity, 7.5m, At);
        Assert.True(entry.Balances);
        Assert.Equal(quantity * 7.5m, Amount(entry, "1405"));
        Assert.Equal(-quantity * 7.5m, Amount(entry, other));
    }

    [Fact]
    public void Returned_goods_go_back_to_stock_against_goods_shipped_or_cost_of_sales()
    {
        Assert.Equal(-40m, Amount(PostingRules.Restock(Accounts, "o1", "o1-R1", 40m, completed: false, At), "1406"));
        Assert.Equal(-40m, Amount(PostingRules.Restock(Accounts, "o1", "o1-R1", 40m, completed: true, At), "6401"));
    }
}
