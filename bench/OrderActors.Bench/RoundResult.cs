namespace OrderActors.Bench;

/// <summary>
/// One run of one workload against one system, as written to bench/results. <see cref="Phase"/> tells the
/// steady workload's two measurements apart (fixed concurrency, then a fixed offered rate);
/// <see cref="Samples"/> holds the scale workload's throughput and memory over time.
/// </summary>
public sealed record RoundResult(
    string System, int Round, int Attempts, int Accepted, int Oversold, double AttemptsPerSecond, double OrdersPerSecond,
    double? SellOutSeconds, double P50Ms, double P95Ms, double P99Ms, int Errors)
{
    public string? Phase { get; init; }

    public double? OfferedRate { get; init; }

    public IReadOnlyList<Sample>? Samples { get; init; }

    /// <summary>Scale: the last tenth's throughput as a fraction of the first tenth's.</summary>
    public double? LastToFirstThroughput { get; init; }

    /// <summary>Scale: the largest working set seen per server process, in MiB.</summary>
    public IReadOnlyDictionary<string, double>? PeakWorkingSetMiB { get; init; }

    /// <summary>Mixed: completed operations by kind.</summary>
    public IReadOnlyDictionary<string, int>? Operations { get; init; }
}

/// <summary>
/// One tenth of a scale run: throughput over it, each server process's working set at its end, and the CPU per
/// order over it — the whole machine's, and the load generator's own (whose work per order is the same all run
/// long: when it rises, the machine has slowed, not the system under test; see <see cref="CpuMeter"/>).
/// </summary>
public sealed record Sample(int Orders, double Seconds, double OrdersPerSecond, IReadOnlyDictionary<string, double> WorkingSetMiB)
{
    public double? MachineCpuMsPerOrder { get; init; }

    public double? ClientCpuMsPerOrder { get; init; }
}
