using System.Globalization;
using System.Text;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Orders;
using OrderActors.Reconciliation;

namespace OrderActors.ApiHost.Settlement;

/// <summary>Reads a provider statement: a header naming date, method, externalRef, amount, type and optionally fee.</summary>
public static class StatementCsv
{
    private static readonly string[] Required = ["date", "method", "externalRef", "amount", "type"];

    public static (List<StatementLine> Lines, Dictionary<string, string[]> Errors) Parse(string text, string statementId)
    {
        var errors = new Dictionary<string, string[]>();
        var rows = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).ToList();
        if (rows.Count < 2)
        {
            errors["body"] = ["A header line and at least one statement line are required."];
            return ([], errors);
        }

        var header = rows[0].Split(',').Select(h => h.Trim()).ToList();
        var column = Required.Append("fee").ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        var missing = Required.Where(c => column[c] < 0).ToList();
        if (missing.Count > 0)
        {
            errors["header"] = [$"Missing column(s): {string.Join(", ", missing)}."];
            return ([], errors);
        }

        var lines = new List<StatementLine>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i].Split(',');
            string Cell(string name) => column[name] >= 0 && column[name] < cells.Length ? cells[column[name]].Trim() : "";
            var problems = new List<string>();
            if (!DateOnly.TryParseExact(Cell("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add("date: yyyy-MM-dd.");
            }

            var method = QueryEnum.Parse<PaymentMethod>(Cell("method"));
            if (method is null)
            {
                problems.Add($"method: one of {QueryEnum.Names<PaymentMethod>()}.");
            }

            var reference = Cell("externalRef");
            if (reference.Length is 0 or > 100 || reference.Any(c => c is < ' ' or > '~'))
            {
                problems.Add("externalRef: 1-100 printable characters.");
            }

            if (!decimal.TryParse(Cell("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || decimal.Round(amount, 2) != amount)
            {
                problems.Add("amount: positive, at most 2 decimals.");
            }

            var type = QueryEnum.Parse<MoneyDirection>(Cell("type"));
            if (type is null)
            {
                problems.Add("type: payment or refund.");
            }

            var fee = 0m;
            if (Cell("fee").Length > 0 && (!decimal.TryParse(Cell("fee"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out fee) || decimal.Round(fee, 2) != fee))
            {
                problems.Add("fee: not negative, at most 2 decimals.");
            }

            if (problems.Count > 0)
            {
                errors[$"line {(i + 1).ToString(CultureInfo.InvariantCulture)}"] = [.. problems];
                continue;
            }

            lines.Add(new StatementLine(date, method!.Value, reference, amount, type!.Value, fee, statementId));
        }

        return (lines, errors);
    }

    public static string IdOf(byte[] content) =>
        "ST-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16];

    public static string Csv(IEnumerable<ReconciliationItem> items)
    {
        var csv = new StringBuilder("classification,type,method,externalRef,ledgerAmount,statementAmount,orderId\n");
        foreach (var i in items)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Name(i.Classification)},{Name(i.Type)},{Name(i.Method)},{i.ExternalRef},{i.LedgerAmount:0.00},{i.StatementAmount:0.00},{i.OrderId}\n");
        }

        return csv.ToString();
    }

    public static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
