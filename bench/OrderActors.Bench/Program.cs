using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderActors.Bench;

// bench <flash-sale|steady|noop> --target <system>=<url> [--target ...] [--rounds 3] [--key dev-admin]
// Runs the workload against each target in turn, round after round (A B A B …), then prints medians.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: bench <flash-sale|steady|noop> --target <system>=<url> [--target ...] [--rounds 3] [--key dev-admin]");
    return 2;
}

var workload = args[0];
var targets = new List<(string System, Uri Url)>();
var rounds = 3;
var key = "dev-admin";
for (var i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--target":
            var parts = args[i + 1].Split('=', 2);
            targets.Add((parts[0], new Uri(parts[1])));
            break;
        case "--rounds":
            rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--key":
            key = args[i + 1];
            break;
    }
}

Func<Api, string, int, Task<RoundResult>> run = workload switch
{
    "flash-sale" => (api, system, round) => Workloads.FlashSale(api, system, round),
    "steady" => (api, system, round) => Workloads.Steady(api, system, round),
    "noop" => (api, system, round) => Workloads.Noop(api, system, round),
    _ => throw new ArgumentException($"unknown workload '{workload}'"),
};

var startedAt = DateTimeOffset.UtcNow;
var results = new List<RoundResult>();
for (var round = 1; round <= rounds; round++)
{
    foreach (var (system, url) in targets)
    {
        var result = await run(new Api(url, key, 128), system, round);
        results.Add(result);
        Console.Error.WriteLine($"  {system} round {round}: {result.AttemptsPerSecond:0} attempts/s, {result.OrdersPerSecond:0} orders/s, p99 {result.P99Ms:0.0} ms, oversold {result.Oversold}, errors {result.Errors}");
    }
}

var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
var table = new StringBuilder($"| system | attempts/s | orders/s | sell-out s | p50 ms | p95 ms | p99 ms | accepted | oversold | errors |\n|---|---|---|---|---|---|---|---|---|---|\n");
foreach (var group in results.GroupBy(r => r.System))
{
    double Median(Func<RoundResult, double> f) => LoadRunner.Percentile(group.Select(f), 0.5);
    table.Append(CultureInfo.InvariantCulture,
        $"| {group.Key} (median of {group.Count()}) | {Median(r => r.AttemptsPerSecond):0} | {Median(r => r.OrdersPerSecond):0} | {(group.First().SellOutSeconds is null ? "-" : Median(r => r.SellOutSeconds ?? 0).ToString("0.00", CultureInfo.InvariantCulture))} | {Median(r => r.P50Ms):0.0} | {Median(r => r.P95Ms):0.0} | {Median(r => r.P99Ms):0.0} | {Median(r => r.Accepted):0} | {group.Max(r => r.Oversold)} | {group.Sum(r => r.Errors)} |\n");
}

foreach (var result in results)
{
    table.Append(CultureInfo.InvariantCulture,
        $"| {result.System} round {result.Round} | {result.AttemptsPerSecond:0} | {result.OrdersPerSecond:0} | {(result.SellOutSeconds is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {result.P50Ms:0.0} | {result.P95Ms:0.0} | {result.P99Ms:0.0} | {result.Accepted} | {result.Oversold} | {result.Errors} |\n");
}

Console.WriteLine($"\n{workload} on {machine}\n\n{table}");
var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(directory);
var stem = Path.Combine(directory, $"{workload}-{startedAt:yyyyMMdd-HHmmss}");
await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { workload, machine, startedAt, rounds = results },
    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
await File.WriteAllTextAsync(stem + ".md", $"# {workload}\n\n{machine}, started {startedAt:u}\n\n{table}");
Console.WriteLine($"results: {Path.GetFullPath(stem)}.json / .md");
return results.Any(r => r.Oversold > 0) ? 1 : 0;
