using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Ledger;

namespace OrderActors.ApiHost.Settlement;

public sealed record TrialBalanceRow(string Account, string Name, decimal Debit, decimal Credit);

public sealed record TrialBalance(DateOnly AsOf, IReadOnlyList<TrialBalanceRow> Accounts, decimal TotalDebit, decimal TotalCredit, bool Balanced);

public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ledger").WithTags("Settlement");
        api.MapGet("/accounts", (IOptions<LedgerAccounts> accounts) => TypedResults.Ok(accounts.Value.Names()));
        api.MapGet("/trial-balance", Balance);
        api.MapGet("/journal", Journal);
        return api;
    }

    /// <summary>Every account's balance over all postings up to the end of <paramref name="asOf"/> (default today).</summary>
    public static async Task<Results<Ok<TrialBalance>, ContentHttpResult, ProblemHttpResult>> Balance(
        string? asOf, HttpContext http, IGrainFactory grains, TimeProvider time, IOptions<LedgerAccounts> accounts)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["asOf"] = ["A date as yyyy-MM-dd."] });
        }

        var days = (await grains.GetGrain<ILedgerIndexGrain>(0).Days()).Where(d => d <= day);
        var keys = days.SelectMany(d => Enumerable.Range(0, ILedgerShardGrain.Shards)
            .Select(s => ILedgerShardGrain.KeyOf(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), s)));
        var balances = (await Task.WhenAll(keys.Select(k => grains.GetGrain<ILedgerShardGrain>(k).Balances())))
            .SelectMany(b => b).GroupBy(b => b.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Value), StringComparer.Ordinal);
        var names = accounts.Value.Names();
        var rows = balances.OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new TrialBalanceRow(b.Key, names.GetValueOrDefault(b.Key, b.Key), Math.Max(b.Value, 0), Math.Max(-b.Value, 0))).ToList();
        var report = new TrialBalance(day, rows, rows.Sum(r => r.Debit), rows.Sum(r => r.Credit), rows.Sum(r => r.Debit) == rows.Sum(r => r.Credit));
        return Reports.ReportsApi.WantsCsv(http)
            ? TypedResults.Text("account,name,debit,credit\n" + string.Concat(rows.Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"{r.Account},\"{r.Name}\",{r.Debit:0.00},{r.Credit:0.00}\n"))), "text/csv")
            : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<Page<JournalEntry>>, ProblemHttpResult>> Journal(
        string? from, string? to, string? account, string? orderId, IGrainFactory grains, TimeProvider time)
    {
        if (Period.Parse(from, to, time, TimeSpan.FromDays(7)) is not ({ } start, { } end) || end - start > TimeSpan.FromDays(92))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["'from' and 'to' are ISO 8601 dates or timestamps, 'from' first, at most 92 days apart."] });
        }

        var days = (await grains.GetGrain<ILedgerIndexGrain>(0).Days())
            .Where(d => d >= DateOnly.FromDateTime(start.UtcDateTime) && d <= DateOnly.FromDateTime(end.UtcDateTime));
        var keys = days.SelectMany(d => Enumerable.Range(0, ILedgerShardGrain.Shards)
            .Select(s => ILedgerShardGrain.KeyOf(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), s)));
        var entries = (await Task.WhenAll(keys.Select(k => grains.GetGrain<ILedgerShardGrain>(k).Journal()))).SelectMany(j => j)
            .Where(e => e.At >= start && e.At <= end && (orderId is null || e.OrderId == orderId) && (account is null || e.Lines.Any(l => l.Account == account)))
            .OrderBy(e => e.At).ThenBy(e => e.EntryId, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new Page<JournalEntry>(entries, null));
    }
}
