using System.Globalization;
using System.Text;

namespace OrderActors.Bench;

/// <summary>The Markdown report of a benchmark run: medians per system and phase, ratios to the baseline, every round.</summary>
public static class Summary
{
    public static string Write(string workload, IReadOnlyList<RoundResult> results)
    {
        var text = new StringBuilder();
        const string header = "| system | phase | attempts/s | orders/s | sell-out s | p50 ms | p95 ms | p99 ms | accepted | oversold | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
        text.Append(header);
        var medians = results.GroupBy(r => (r.System, r.Phase)).Select(g => Median(g.ToList())).ToList();
        foreach (var m in medians)
        {
            Row(text, $"{m.System} (median of {results.Count(r => r.System == m.System && r.Phase == m.Phase)})", m);
        }

        text.Append('\n');
        foreach (var m in medians.Where(m => m.System != "baseline"))
        {
            if (medians.FirstOrDefault(b => b.System == "baseline" && b.Phase == m.Phase) is not { } b)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture,
                $"- {m.System}{(m.Phase is null ? "" : $" ({m.Phase})")} / baseline: attempts/s ×{m.AttemptsPerSecond / b.AttemptsPerSecond:0.00}, orders/s ×{m.OrdersPerSecond / b.OrdersPerSecond:0.00}, p99 {m.P99Ms:0.0} vs {b.P99Ms:0.0} ms");
            if (m.SellOutSeconds is { } sellOut && b.SellOutSeconds is { } baseline)
            {
                text.Append(CultureInfo.InvariantCulture, $", sell-out in {sellOut / baseline:0.00} of the baseline's time");
            }

            text.Append('\n');
        }

        foreach (var system in medians.Select(m => m.System).Distinct())
        {
            if (medians.FirstOrDefault(m => m.System == system && m.Phase == "noop") is { } noop
                && medians.FirstOrDefault(m => m.System == system && m.Phase == "place") is { } place)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"- {system}: placing orders at {place.OrdersPerSecond:0}/s is {100 * place.OrdersPerSecond / noop.AttemptsPerSecond:0.0}% of the noop rate {noop.AttemptsPerSecond:0}/s\n");
            }
        }

        FlashSalePhases(text, results);

        foreach (var scale in results.Where(r => r.Samples is not null))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{scale.System} round {scale.Round}: last tenth at {scale.LastToFirstThroughput:0.000} of the first tenth's throughput; peak working set MiB: {string.Join(", ", scale.PeakWorkingSetMiB!.Select(p => $"{p.Key} {p.Value:0}"))}\n\n| orders | seconds | orders/s | machine CPU ms/order | load generator CPU ms/order | working sets MiB |\n|---|---|---|---|---|---|\n");
            foreach (var sample in scale.Samples!)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {sample.Orders} | {sample.Seconds:0.0} | {sample.OrdersPerSecond:0} | {sample.MachineCpuMsPerOrder:0.00} | {sample.ClientCpuMsPerOrder:0.000} | {string.Join(", ", sample.WorkingSetMiB.Select(p => $"{p.Key} {p.Value:0}"))} |\n");
            }
        }

        foreach (var mixed in results.Where(r => r.Operations is not null))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{mixed.System} round {mixed.Round} operations: {string.Join(", ", mixed.Operations!.Select(o => $"{o.Key} {o.Value}"))}");
        }

        text.Append("\n\nEvery round:\n\n").Append(header);
        foreach (var result in results)
        {
            Row(text, $"{result.System} round {result.Round}", result);
        }

        return text.ToString();
    }

    /// <summary>
    /// A flash-sale round has two phases: orders accepted until the sell-out, then refusals. Per system (medians
    /// over its rounds): the rate of each phase; and against the baseline, the refusal rate that a system would
    /// need after its own sell-out time to reach three times the baseline's attempts/s.
    /// </summary>
    private static void FlashSalePhases(StringBuilder text, IReadOnlyList<RoundResult> results)
    {
        var rounds = results.Where(r => r.SellOutSeconds is > 0 && r.AttemptsPerSecond > 0).ToList();
        if (rounds.Count == 0)
        {
            return;
        }

        static double Seconds(RoundResult r) => r.Attempts / r.AttemptsPerSecond;
        static double Refusals(RoundResult r) => (r.Attempts - r.Accepted) / (Seconds(r) - r.SellOutSeconds!.Value);
        var baseline = rounds.Where(r => r.System == "baseline").Select(r => r.AttemptsPerSecond).ToList();
        text.Append("\nPhases (medians over the rounds):\n");
        foreach (var system in rounds.GroupBy(r => r.System))
        {
            var sellOut = LoadRunner.Percentile(system.Select(r => r.SellOutSeconds!.Value), 0.5);
            text.Append(CultureInfo.InvariantCulture,
                $"- {system.Key}: {LoadRunner.Percentile(system.Select(r => r.Accepted / r.SellOutSeconds!.Value), 0.5):0} orders/s until sold out, then {LoadRunner.Percentile(system.Where(r => Seconds(r) > r.SellOutSeconds!.Value).Select(Refusals).DefaultIfEmpty(0), 0.5):0} attempts/s");
            if (system.Key != "baseline" && baseline.Count > 0)
            {
                var first = system.First();
                var remaining = first.Attempts / (3 * LoadRunner.Percentile(baseline, 0.5)) - sellOut;
                text.Append(remaining > 0
                    ? FormattableString.Invariant($"; ×3 the baseline's attempts/s would need {(first.Attempts - first.Accepted) / remaining:0} attempts/s after its sell-out of {sellOut:0.00} s")
                    : FormattableString.Invariant($"; ×3 the baseline's attempts/s cannot be reached with its sell-out of {sellOut:0.00} s alone"));
            }

            text.Append('\n');
        }
    }

    private static RoundResult Median(List<RoundResult> rounds)
    {
        double M(Func<RoundResult, double> f) => LoadRunner.Percentile(rounds.Select(f), 0.5);
        return rounds[0] with
        {
            AttemptsPerSecond = M(r => r.AttemptsPerSecond),
            OrdersPerSecond = M(r => r.OrdersPerSecond),
            SellOutSeconds = rounds[0].SellOutSeconds is null ? null : M(r => r.SellOutSeconds ?? 0),
            P50Ms = M(r => r.P50Ms),
            P95Ms = M(r => r.P95Ms),
            P99Ms = M(r => r.P99Ms),
            Accepted = (int)M(r => r.Accepted),
            Oversold = rounds.Max(r => r.Oversold),
            Errors = rounds.Sum(r => r.Errors),
        };
    }

    private static void Row(StringBuilder text, string label, RoundResult r) => text.Append(CultureInfo.InvariantCulture,
        $"| {label} | {r.Phase ?? "-"} | {r.AttemptsPerSecond:0} | {r.OrdersPerSecond:0} | {(r.SellOutSeconds is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.Accepted} | {r.Oversold} | {r.Errors} |\n");
}
