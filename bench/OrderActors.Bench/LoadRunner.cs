using System.Diagnostics;
using System.Net;

namespace OrderActors.Bench;

/// <summary>One call's outcome: its HTTP status (0 for a transport error) and how long it took.</summary>
public readonly record struct Outcome(HttpStatusCode Status, double Milliseconds, double FinishedAtSeconds);

/// <summary>Runs a fixed number of calls from a fixed number of concurrent clients, printing progress each second.</summary>
public static class LoadRunner
{
    public static async Task<(List<Outcome> Outcomes, double Seconds)> Run(string label, int attempts, int concurrency, Func<int, Task<HttpStatusCode>> call)
    {
        var outcomes = new Outcome[attempts];
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Error.WriteLine($"  {label}: {Volatile.Read(ref done)}/{attempts} in {clock.Elapsed.TotalSeconds:0} s"), null, 5000, 5000);
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < attempts)
            {
                var started = clock.Elapsed;
                HttpStatusCode status;
                try
                {
                    status = await call(i);
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                catch (TaskCanceledException)
                {
                    status = 0;
                }

                var ended = clock.Elapsed;
                outcomes[i] = new Outcome(status, (ended - started).TotalMilliseconds, ended.TotalSeconds);
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {label}: {attempts}/{attempts} in {seconds:0.0} s");
        return ([.. outcomes], seconds);
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
