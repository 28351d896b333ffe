using OrderActors.GcPauses;

namespace OrderActors.Tests.Bench;

/// <summary>The GC pause watcher against this test process's own collections, and its summary.</summary>
public sealed class GcPausesTests
{
    [Fact]
    public async Task The_watcher_sees_each_full_collection_this_process_makes_with_its_generation_and_length()
    {
        var watching = GcWatch.Watch(Environment.ProcessId, TimeSpan.FromSeconds(4));
        // The session needs a moment to start; collections before it are not seen.
        await Task.Delay(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 3; i++)
        {
            // Full and blocking: the runtime may turn a requested young collection into an older one, never this into
            // a younger one. Tests running beside this one collect too, so more pauses may be seen, not fewer.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var pauses = await watching;

        Assert.True(pauses.Count(p => p.Generation == 2) >= 3, $"pauses seen: {string.Join(", ", pauses)}");
        Assert.All(pauses, p => Assert.True(p.Generation is >= 0 and <= 2 && p.Milliseconds > 0 && p.PromotedBytes >= 0));
    }

    [Fact]
    public void The_summary_gives_each_generation_its_count_median_and_longest_and_the_share_of_time_stood_still()
    {
        Pause[] pauses = [new(0, 10, 2_000_000), new(0, 30, 4_000_000), new(0, 20, 3_000_000), new(1, 50, 6_000_000)];

        var text = PauseSummary.Describe("api-host", pauses, seconds: 2);

        Assert.Equal(
            "  api-host: 4 pauses, 110 ms (5.5% of the time); gen0 3: median 20.0 ms, p99 30.0, longest 30.0, promoted 3.0 MB each; "
            + "gen1 1: median 50.0 ms, p99 50.0, longest 50.0, promoted 6.0 MB each",
            text);
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(0.99, 4)]
    [InlineData(0.01, 1)]
    public void Percentiles_are_nearest_rank(double fraction, double expected) =>
        Assert.Equal(expected, PauseSummary.Percentile([1, 2, 3, 4], fraction));
}
