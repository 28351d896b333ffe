using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace OrderActors.Tests;

/// <summary>
/// Real processes of the durable mode: silos (src/Silo) and one API host (src/ApiHost), a cluster client or
/// (with --silo) a silo itself, all on one PostgreSQL. Silos can be stopped, killed with SIGKILL and started again.
/// </summary>
public sealed class DurableCluster : IAsyncDisposable
{
    private static readonly string Root = FindRoot();
    private static readonly string Configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
    private readonly string _connectionString;
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}"[..20];
    private readonly string _logs;
    private readonly Dictionary<int, Process> _silos = [];
    private readonly Dictionary<int, (int Silo, int Gateway)> _ports = [];
    private readonly Dictionary<string, string> _settings;
    private const int ApiSilo = 0;
    private Process? _api;

    public DurableCluster(string connectionString, int apiPort, Dictionary<string, string>? settings = null)
    {
        _settings = settings ?? [];
        _connectionString = connectionString;
        ApiPort = apiPort;
        _logs = Path.Combine(Path.GetTempPath(), $"orderactors-cluster-{_clusterId}");
        Directory.CreateDirectory(_logs);
    }

    public int ApiPort { get; }

    public HttpClient Client(string key = "dev-admin") => new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}"),
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    public void StartSilo(int index) => _silos[index] = Start("Silo", $"silo-{index}", [], SiloPorts(index));

    public async Task StartApiAsync(bool asSilo = false)
    {
        var environment = asSilo ? SiloPorts(ApiSilo) : [];
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _api = Start("ApiHost", "api", [.. asSilo ? ["--silo"] : Array.Empty<string>(), "--urls", $"http://127.0.0.1:{ApiPort}"], environment);
        await WaitReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>A silo's ports, chosen on its first start and kept for its restarts (the API host as a silo is number 0).</summary>
    private Dictionary<string, string> SiloPorts(int index)
    {
        if (!_ports.TryGetValue(index, out var ports))
        {
            _ports[index] = ports = (PostgresServer.FreePort(), PostgresServer.FreePort());
        }

        return new()
        {
            ["Orleans__SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task WaitReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{ApiPort}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The API host did not become ready; logs in {_logs}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: the silo gets no chance to flush, deactivate or leave the cluster.</summary>
    public void KillSilo(int index)
    {
        _silos[index].Kill();
        _silos[index].WaitForExit();
    }

    /// <summary>A graceful stop of every process (SIGTERM), as an operator restarting the system would.</summary>
    public async Task StopAllAsync()
    {
        var all = _silos.Values.Append(_api).OfType<Process>().Where(p => !p.HasExited).ToList();
        if (_api is not null && !_api.HasExited)
        {
            await Terminate(_api);
        }

        foreach (var silo in all.Where(p => p != _api))
        {
            await Terminate(silo);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _silos.Values.Append(_api).OfType<Process>())
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static async Task Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }
    }

    private Process Start(string project, string name, string[] args, Dictionary<string, string> environment)
    {
        var dir = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(dir, $"OrderActors.{project}.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__OrderActors"] = _connectionString;
        start.Environment["Orleans__ClusterId"] = _clusterId;
        start.Environment["Orleans__ServiceId"] = "orderactors-test";
        start.Environment["Orleans__AdvertisedIP"] = "127.0.0.1";
        start.Environment["Auth__FailuresPerMinute"] = "1000000";
        foreach (var (key, value) in _settings.Concat(environment))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = File.AppendText(Path.Combine(_logs, $"{name}.log"));
        log.AutoFlush = true;
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderActors.sln not found above the test assembly.");
    }
}
