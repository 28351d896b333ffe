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
                var status = await Call(call, i);
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

    /// <summary>
    /// Open loop: call i starts at i / rate seconds whether or not earlier calls have finished, and its latency
    /// counts from that scheduled start, so a system that falls behind shows it (no coordinated omission).
    /// </summary>
    public static async Task<(List<Outcome> Outcomes, double Seconds)> RunAtRate(string label, int attempts, double rate, Func<int, Task<HttpStatusCode>> call)
    {
        var outcomes = new Outcome[attempts];
        var done = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Error.WriteLine($"  {label}: {Volatile.Read(ref done)}/{attempts} in {clock.Elapsed.TotalSeconds:0} s"), null, 5000, 5000);
        var running = new List<Task>(attempts);
        for (var i = 0; i < attempts; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                var status = await Call(call, index);
                var ended = clock.Elapsed;
                outcomes[index] = new Outcome(status, (ended - scheduled).TotalMilliseconds, ended.TotalSeconds);
                Interlocked.Increment(ref done);
            }));
        }

        await Task.WhenAll(running);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {label}: {attempts}/{attempts} in {seconds:0.0} s at {rate:0}/s offered");
        Console.Error.WriteLine($"  {label}: {SlowSeconds(outcomes, rate)}");
        return ([.. outcomes], seconds);
    }

    /// <summary>
    /// Where an open loop's tail comes from: each second of scheduled starts whose p99 is over 50 ms, with that
    /// p99 — a few slow seconds (a stall) read differently from every second being slow (a queue that never drains).
    /// </summary>
    private static string SlowSeconds(Outcome[] outcomes, double rate)
    {
        var bySecond = outcomes.Select((o, i) => (Second: (int)(i / rate), o.Milliseconds)).GroupBy(x => x.Second)
            .Select(g => (g.Key, P99: Percentile(g.Select(x => x.Milliseconds), 0.99))).OrderBy(x => x.Key).ToList();
        var slow = bySecond.Where(x => x.P99 > 50).ToList();
        return FormattableString.Invariant(
            $"{slow.Count} of {bySecond.Count} seconds of scheduled starts with p99 over 50 ms{(slow.Count == 0 ? "" : ": " + string.Join(", ", slow.Select(x => $"{x.Key} s {x.P99:0} ms")))}");
    }

    /// <summary>The call's status, or 0 when the transport failed or timed out.</summary>
    private static async Task<HttpStatusCode> Call(Func<int, Task<HttpStatusCode>> call, int i)
    {
        try
        {
            return await call(i);
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
