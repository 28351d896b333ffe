using System.Globalization;
using System.Text;

namespace OrderActors.GcPauses;

/// <summary>One stop of a process for a collection: its generation, how long its threads stood still, bytes it promoted.</summary>
public sealed record Pause(int Generation, double Milliseconds, long PromotedBytes);

public static class PauseSummary
{
    /// <summary>A process's pauses: each generation's count, median, 99th percentile and longest; the share of the window stood still.</summary>
    public static string Describe(string name, IReadOnlyList<Pause> pauses, int seconds)
    {
        var text = new StringBuilder();
        var total = pauses.Sum(p => p.Milliseconds);
        text.Append(CultureInfo.InvariantCulture, $"  {name}: {pauses.Count} pauses, {total:0} ms ({total / seconds / 10:0.0}% of the time)");
        foreach (var generation in pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key))
        {
            var ms = generation.Select(p => p.Milliseconds).Order().ToList();
            text.Append(CultureInfo.InvariantCulture,
                $"; gen{generation.Key} {ms.Count}: median {Percentile(ms, 0.5):0.0} ms, p99 {Percentile(ms, 0.99):0.0}, longest {ms[^1]:0.0}, promoted {generation.Average(p => p.PromotedBytes) / 1e6:0.0} MB each");
        }

        return text.ToString();
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
