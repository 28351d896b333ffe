using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Reports;
using OrderActors.Common;
using OrderActors.Ledger;
using OrderActors.Reconciliation;

namespace OrderActors.ApiHost.Settlement;

public sealed record StatementImport(string StatementId, int Lines, IReadOnlyList<DateOnly> Days);

public sealed record DailyReconciliation(DateOnly Date, IReadOnlyList<MethodSummary> Methods, IReadOnlyList<ReconciliationItem> Items);

public sealed record DayOutcome(DateOnly Date, int Matched, int Discrepancies);

public sealed record MonthlyReconciliation(string Month, IReadOnlyList<MethodSummary> Methods, IReadOnlyList<DayOutcome> Days);

public static class ReconciliationApi
{
    public static RouteGroupBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reconciliation").WithTags("Settlement");
        api.MapPost("/statements", Import).WithDescription("Body: a provider statement as CSV with a header: date,method,externalRef,amount,type[,fee].")
            .Audited("reconciliation.statement");
        api.MapGet("/daily/{date}", Daily).Produces<DailyReconciliation>().Produces<string>(contentType: "text/csv");
        api.MapGet("/monthly/{month}", Monthly).Produces<MonthlyReconciliation>().Produces<string>(contentType: "text/csv");
        return api;
    }

    /// <summary>Imports a provider statement (CSV). The same file twice is one import: 200 with the same id.</summary>
    public static async Task<Results<Created<StatementImport>, Ok<StatementImport>, ProblemHttpResult>> Import(HttpContext http, IGrainFactory grains)
    {
        var body = await RequestBody.ReadAsync(http);
        if (body is null)
        {
            return Problems.Of(ErrorCodes.PayloadTooLarge, $"The request body is larger than {RequestBody.Limit} bytes.");
        }

        var id = StatementCsv.IdOf(body);
        var (lines, errors) = StatementCsv.Parse(Encoding.UTF8.GetString(body), id);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var days = lines.Select(l => l.Date).Distinct().Order().ToList();
        await Task.WhenAll(days.Select(d => grains.GetGrain<IStatementDayGrain>(Key(d)).Import(id, lines.Where(l => l.Date == d).ToList())));
        var created = await grains.GetGrain<IStatementRegistryGrain>(0).Register(id, days);
        var import = new StatementImport(id, lines.Count, days);
        return created ? TypedResults.Created($"/api/reconciliation/statements/{id}", import) : TypedResults.Ok(import);
    }

    public static async Task<Results<Ok<DailyReconciliation>, ContentHttpResult, ProblemHttpResult>> Daily(string date, HttpContext http, IGrainFactory grains)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["date"] = ["A date as yyyy-MM-dd."] });
        }

        var result = await Reconcile(grains, day);
        return ReportsApi.WantsCsv(http) ? TypedResults.Text(StatementCsv.Csv(result.Items), "text/csv") : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<MonthlyReconciliation>, ContentHttpResult, ProblemHttpResult>> Monthly(string month, HttpContext http, IGrainFactory grains)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["month"] = ["A month as yyyy-MM."] });
        }

        var days = await Task.WhenAll(Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(d => Reconcile(grains, first.AddDays(d))));
        var methods = days.SelectMany(d => d.Methods).GroupBy(m => m.Method).OrderBy(g => g.Key)
            .Select(g => new MethodSummary(g.Key, g.Sum(m => m.LedgerTotal), g.Sum(m => m.StatementTotal), g.Sum(m => m.Fees), g.Sum(m => m.Matched),
                g.Sum(m => m.MissingInStatement), g.Sum(m => m.MissingInLedger), g.Sum(m => m.AmountMismatch), g.Sum(m => m.Duplicate))).ToList();
        var outcome = days.Where(d => d.Items.Count > 0)
            .Select(d => new DayOutcome(d.Date, d.Items.Count(i => i.Classification == Classification.Matched), d.Items.Count(i => i.Classification != Classification.Matched))).ToList();
        var report = new MonthlyReconciliation(month, methods, outcome);
        if (!ReportsApi.WantsCsv(http))
        {
            return TypedResults.Ok(report);
        }

        var csv = new StringBuilder("method,ledgerTotal,statementTotal,fees,matched,missingInStatement,missingInLedger,amountMismatch,duplicate\n");
        foreach (var m in methods)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{StatementCsv.Name(m.Method)},{m.LedgerTotal:0.00},{m.StatementTotal:0.00},{m.Fees:0.00},{m.Matched},{m.MissingInStatement},{m.MissingInLedger},{m.AmountMismatch},{m.Duplicate}\n");
        }

        return TypedResults.Text(csv.ToString(), "text/csv");
    }

    private static async Task<DailyReconciliation> Reconcile(IGrainFactory grains, DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var journals = await Task.WhenAll(Enumerable.Range(0, ILedgerShardGrain.Shards).Select(s => grains.GetGrain<ILedgerShardGrain>(ILedgerShardGrain.KeyOf(start, s)).Journal()));
        var money = journals.SelectMany(j => j).Where(e => e.Payment is not null)
            .Select(e => new LedgerMoney(e.Event == "refundPaid" ? MoneyDirection.Refund : MoneyDirection.Payment, e.Payment!.Method, e.Payment.ExternalRef, e.Payment.Amount, e.OrderId))
            .ToList();
        var statement = await grains.GetGrain<IStatementDayGrain>(Key(day)).Lines();
        var items = Reconciler.Classify(money, statement);
        return new DailyReconciliation(day, Reconciler.Summarize(items, statement), items);
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
