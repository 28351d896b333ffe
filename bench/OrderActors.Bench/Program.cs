using System.Globalization;
using System.Text.Json;
using OrderActors.Bench;

// bench <workload> --target <system>=<url> [--target ...] [--process <system>=<command line part>] [--rounds 3] [--key dev-admin]
// Runs the workload against each target in turn, round after round (A B A B …), then prints medians and
// each system's ratio to the baseline. --process names a system's server processes (for the scale workload's memory; alternatives separated by '|').
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: bench <flash-sale|steady|mixed|scale|noop> --target <system>=<url> [--target ...] [--process <system>=<command line part>] [--rounds 3] [--warm-up-seconds 30] [--orders N (steady: 5000 at fixed concurrency; scale: 200000)] [--key dev-admin] [--client lean|httpclient (lean: bench/OrderActors.Bench/LeanHttp.cs)]");
    return 2;
}

var workload = args[0];
var targets = new List<(string System, Uri Url)>();
var processes = new Dictionary<string, string>(StringComparer.Ordinal);
var rounds = 3;
var warmUpSeconds = 30.0;
int? orders = null;
var key = "dev-admin";
var client = HttpClientKind.Lean;
for (var i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--target":
            var parts = args[i + 1].Split('=', 2);
            targets.Add((parts[0], new Uri(parts[1])));
            break;
        case "--process":
            var named = args[i + 1].Split('=', 2);
            processes[named[0]] = named[1];
            break;
        case "--orders":
            orders = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--rounds":
            rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--warm-up-seconds":
            warmUpSeconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--key":
            key = args[i + 1];
            break;
        case "--client":
            client = Enum.Parse<HttpClientKind>(args[i + 1], ignoreCase: true);
            break;
    }
}

Func<Api, string, int, Task<IReadOnlyList<RoundResult>>> run = workload switch
{
    "flash-sale" => (api, system, round) => Workloads.FlashSale(api, system, round),
    "steady" => (api, system, round) => Workloads.Steady(api, system, round, orders ?? 5_000),
    "mixed" => (api, system, round) => Workloads.Mixed(api, system, round),
    "scale" => (api, system, round) => Workloads.Scale(api, system, round, new ServerProcesses(processes.GetValueOrDefault(system, "")), orders ?? 200_000),
    "noop" => (api, system, round) => Workloads.Noop(api, system, round),
    _ => throw new ArgumentException($"unknown workload '{workload}'"),
};

var startedAt = DateTimeOffset.UtcNow;
var results = new List<RoundResult>();
// Uncounted rounds warm every system up first (JIT tiering, connection pools, first activations), interleaved
// like the counted ones, until each has run the workload for --warm-up-seconds: a single warm-up round was not
// enough (in one embedded process, flash-sale rounds rose 2820 → 4465 → 5999 → 6933 attempts/s after it, as
// the JIT's optimised code replaced the first). The scale workload warms up inside its round (a tenth of its
// orders, at most 5,000, before the first counted tenth).
var warmedFor = targets.ToDictionary(t => t.System, _ => 0.0, StringComparer.Ordinal);
for (var warmUp = 1; workload != "scale" && warmedFor.Values.Any(s => s < warmUpSeconds); warmUp++)
{
    foreach (var (system, url) in targets.Where(t => warmedFor[t.System] < warmUpSeconds))
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var api = new Api(url, key, 128, client))
        {
            await run(api, system, -warmUp);
        }

        warmedFor[system] += clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {system}: warm-up round {warmUp} done (not counted; warmed for {warmedFor[system]:0} s)");
    }
}

for (var round = 1; round <= rounds; round++)
{
    foreach (var (system, url) in targets)
    {
        using var api = new Api(url, key, 128, client);
        var measured = await run(api, system, round);
        foreach (var result in measured)
        {
            results.Add(result);
            Console.Error.WriteLine($"  {system} round {round}{(result.Phase is null ? "" : $" ({result.Phase})")}: {result.AttemptsPerSecond:0} attempts/s, {result.OrdersPerSecond:0} orders/s, p99 {result.P99Ms:0.0} ms, oversold {result.Oversold}, errors {result.Errors}");
        }
    }
}

var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
var report = Summary.Write(workload, results);
Console.WriteLine($"\n{workload} on {machine}\n\n{report}");
var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(directory);
var stem = Path.Combine(directory, $"{workload}-{startedAt:yyyyMMdd-HHmmss}");
await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { workload, machine, startedAt, rounds = results },
    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
await File.WriteAllTextAsync(stem + ".md", $"# {workload}\n\n{machine}, started {startedAt:u}\n\n{report}");
Console.WriteLine($"results: {Path.GetFullPath(stem)}.json / .md");
return results.Any(r => r.Oversold > 0) ? 1 : 0;
