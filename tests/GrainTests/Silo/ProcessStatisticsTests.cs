using System.Diagnostics;
using OrderActors.Silo;

namespace OrderActors.Tests.Silo;

public sealed class ProcessStatisticsTests
{
    [Fact]
    public void Reports_this_process_cpu_over_the_last_second_and_its_gc_memory()
    {
        var statistics = new ProcessStatistics();
        var idle = statistics.GetEnvironmentStatistics();

        // Keep one core busy for over a second: the next figure covers that second.
        var busy = Stopwatch.StartNew();
        var spins = 0L;
        while (busy.Elapsed < TimeSpan.FromSeconds(1.2))
        {
            spins++;
        }

        var loaded = statistics.GetEnvironmentStatistics();

        Assert.Equal(0f, idle.FilteredCpuUsagePercentage);
        Assert.InRange(loaded.FilteredCpuUsagePercentage, 1f, 100f); // low bound loose: other tests share the cores
        Assert.True(spins > 0);
        Assert.InRange(loaded.RawMemoryUsageBytes, 1, loaded.MaximumAvailableMemoryBytes);
        Assert.Equal(loaded.MaximumAvailableMemoryBytes - loaded.RawMemoryUsageBytes, loaded.RawAvailableMemoryBytes);
    }

    [Fact]
    public void Memory_before_the_first_collection_is_what_has_been_allocated()
    {
        // A process that has not collected yet has all-zero collection figures (Index 0): this failed in CI
        // when this class's first test ran before any collection and reported 0 bytes used.
        Assert.Equal(4_096, ProcessStatistics.MemoryUsed(collectionIndex: 0, 0, 0, allocatedBytes: () => 4_096));
        Assert.Equal(9_000, ProcessStatistics.MemoryUsed(collectionIndex: 3, 10_000, 1_000, allocatedBytes: () => throw new InvalidOperationException("not needed after a collection")));
    }
}
