using OrderActors.Orders;

namespace OrderActors.Reconciliation;

public enum Classification
{
    Matched,
    MissingInStatement,
    MissingInLedger,
    AmountMismatch,
    Duplicate,
}

/// <summary>A payment or refund as the ledger has it.</summary>
public sealed record LedgerMoney(MoneyDirection Type, PaymentMethod Method, string ExternalRef, decimal Amount, string? OrderId);

public sealed record ReconciliationItem(Classification Classification, MoneyDirection Type, PaymentMethod Method, string ExternalRef, decimal? LedgerAmount, decimal? StatementAmount, string? OrderId);

public sealed record MethodSummary(
    PaymentMethod Method, decimal LedgerTotal, decimal StatementTotal, decimal Fees,
    int Matched, int MissingInStatement, int MissingInLedger, int AmountMismatch, int Duplicate);

/// <summary>
/// Pairs the ledger's payments and refunds with a provider's statement by (type, method, reference):
/// matched, amount mismatch, missing on either side, or duplicate (a reference appearing twice).
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<ReconciliationItem> Classify(IReadOnlyList<LedgerMoney> ledger, IReadOnlyList<StatementLine> statement)
    {
        var items = new List<ReconciliationItem>();
        var ours = ledger.GroupBy(m => (m.Type, m.Method, m.ExternalRef)).ToDictionary(g => g.Key, g => g.ToList());
        var theirs = statement.GroupBy(l => (l.Type, l.Method, l.ExternalRef)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in ours.Keys.Union(theirs.Keys).OrderBy(k => k.Method).ThenBy(k => k.Type).ThenBy(k => k.ExternalRef, StringComparer.Ordinal))
        {
            var ledgerSide = ours.GetValueOrDefault(key) ?? [];
            var statementSide = theirs.GetValueOrDefault(key) ?? [];
            var ledgerAmount = ledgerSide.Count == 0 ? (decimal?)null : ledgerSide.Sum(m => m.Amount);
            var statementAmount = statementSide.Count == 0 ? (decimal?)null : statementSide.Sum(l => l.Amount);
            var classification =
                statementSide.Count > 1 || ledgerSide.Count > 1 ? Classification.Duplicate
                : statementSide.Count == 0 ? Classification.MissingInStatement
                : ledgerSide.Count == 0 ? Classification.MissingInLedger
                : ledgerAmount == statementAmount ? Classification.Matched
                : Classification.AmountMismatch;
            items.Add(new ReconciliationItem(classification, key.Type, key.Method, key.ExternalRef, ledgerAmount, statementAmount, ledgerSide.FirstOrDefault()?.OrderId));
        }

        return items;
    }

    public static IReadOnlyList<MethodSummary> Summarize(IReadOnlyList<ReconciliationItem> items, IReadOnlyList<StatementLine> statement) =>
        items.Select(i => i.Method).Concat(statement.Select(l => l.Method)).Distinct().Order()
            .Select(method =>
            {
                var mine = items.Where(i => i.Method == method).ToList();
                decimal Signed(ReconciliationItem i, decimal? amount) => (amount ?? 0) * (i.Type == MoneyDirection.Refund ? -1 : 1);
                return new MethodSummary(method,
                    mine.Sum(i => Signed(i, i.LedgerAmount)), mine.Sum(i => Signed(i, i.StatementAmount)),
                    statement.Where(l => l.Method == method).Sum(l => l.Fee),
                    mine.Count(i => i.Classification == Classification.Matched), mine.Count(i => i.Classification == Classification.MissingInStatement),
                    mine.Count(i => i.Classification == Classification.MissingInLedger), mine.Count(i => i.Classification == Classification.AmountMismatch),
                    mine.Count(i => i.Classification == Classification.Duplicate));
            })
            .ToList();
}
