namespace OrderActors.Bench;

/// <summary>One run of one workload against one system, as written to bench/results.</summary>
public sealed record RoundResult(
    string System, int Round, int Attempts, int Accepted, int Oversold, double AttemptsPerSecond, double OrdersPerSecond,
    double? SellOutSeconds, double P50Ms, double P95Ms, double P99Ms, int Errors);
