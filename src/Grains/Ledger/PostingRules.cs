using OrderActors.Orders;
using OrderActors.Settlement;

namespace OrderActors.Ledger;

/// <summary>
/// What each business event posts. Before an order completes, money received is a customer advance;
/// completion recognises revenue, output VAT and cost of sales; goods shipped sit in 1406 until then.
/// </summary>
public static class PostingRules
{
    public static JournalEntry Payment(LedgerAccounts a, string orderId, PaymentRecord payment, bool completed) => Entry(
        $"pay:{payment.PaymentId}", payment.At, "paymentReceived", orderId, null, $"{payment.Method} {payment.ExternalRef}",
        Dr(a.For(payment.Method), payment.Amount), Cr(completed ? a.Receivables : a.CustomerAdvances, payment.Amount))
        with { Payment = new PaymentMethodRef(payment.Method, payment.ExternalRef, payment.Amount) };

    /// <param name="gross">Order total less refunds made before completion.</param>
    /// <param name="advances">Paid less refunded: what the customer has already given.</param>
    public static JournalEntry Completion(LedgerAccounts a, string orderId, IReadOnlyList<OrderLine> lines, decimal gross, decimal advances, decimal cost, DateTimeOffset at)
    {
        var split = gross == 0 ? [] : InvoiceMath.CreditFor(gross, InvoiceMath.Split(lines));
        return Entry($"rev:{orderId}", at, "orderCompleted", orderId, null, "revenue, output VAT and cost of sales",
            Dr(a.CustomerAdvances, advances), Dr(a.Receivables, gross - advances),
            Cr(a.Revenue, -split.Sum(l => l.Net)), Cr(a.OutputVat, -split.Sum(l => l.Tax)),
            Dr(a.CostOfSales, cost), Cr(a.GoodsShipped, cost));
    }

    /// <param name="paidWith">The payment the money goes back to: its method and the provider's reference.</param>
    public static JournalEntry Refund(LedgerAccounts a, string orderId, RefundRecord refund, PaymentRecord? paidWith, IReadOnlyList<OrderLine> lines, bool completed)
    {
        var method = paidWith?.Method ?? PaymentMethod.Cash;
        var reference = new PaymentMethodRef(method, paidWith?.ExternalRef ?? refund.RefundId, refund.Amount);
        if (!completed)
        {
            return Entry($"ref:{refund.RefundId}", refund.At, "refundPaid", orderId, null, refund.Reason,
                Dr(a.CustomerAdvances, refund.Amount), Cr(a.For(method), refund.Amount)) with { Payment = reference };
        }

        var split = InvoiceMath.CreditFor(refund.Amount, InvoiceMath.Split(lines));
        return Entry($"ref:{refund.RefundId}", refund.At, "refundPaid", orderId, null, refund.Reason,
            Dr(a.Revenue, -split.Sum(l => l.Net)), Dr(a.OutputVat, -split.Sum(l => l.Tax)), Cr(a.For(method), refund.Amount)) with { Payment = reference };
    }

    public static JournalEntry Shipment(LedgerAccounts a, string orderId, decimal cost, DateTimeOffset at) => Entry(
        $"ship:{orderId}", at, "goodsShipped", orderId, null, "goods shipped at cost", Dr(a.GoodsShipped, cost), Cr(a.Inventory, cost));

    public static JournalEntry Restock(LedgerAccounts a, string orderId, string refundId, decimal cost, bool completed, DateTimeOffset at) => Entry(
        $"ret:{refundId}", at, "goodsReturned", orderId, null, "returned goods back in stock at cost",
        Dr(a.Inventory, cost), Cr(completed ? a.CostOfSales : a.GoodsShipped, cost));

    /// <summary>Receipts, adjustments and count corrections of one SKU, at its unit cost.</summary>
    public static JournalEntry StockChange(LedgerAccounts a, string sku, string movementId, string kind, int quantity, decimal unitCost, DateTimeOffset at)
    {
        var value = Math.Abs(quantity) * unitCost;
        var other = kind == "receipt" ? a.Payables : a.InventoryGainsAndLosses;
        return quantity >= 0
            ? Entry($"mv:{movementId}", at, kind, null, sku, $"{quantity} × {unitCost}", Dr(a.Inventory, value), Cr(other, value))
            : Entry($"mv:{movementId}", at, kind, null, sku, $"{quantity} × {unitCost}", Dr(other, value), Cr(a.Inventory, value));
    }

    private static JournalLine Dr(string account, decimal amount) => new(account, amount, 0);

    private static JournalLine Cr(string account, decimal amount) => new(account, 0, amount);

    private static JournalEntry Entry(string id, DateTimeOffset at, string kind, string? orderId, string? sku, string memo, params JournalLine[] lines) =>
        new(id, at, kind, orderId, sku, memo, lines.Where(l => l.Debit != 0 || l.Credit != 0).ToList());
}
