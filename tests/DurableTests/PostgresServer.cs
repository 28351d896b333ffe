using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrderActors.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a temporary folder, started on a free loopback port,
/// stopped and deleted at the end. PostgreSQL refuses to run as root, so as root it runs as 'postgres'.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    private PostgresServer(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "orderactors") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=10";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin();
        var dir = Path.Combine(Path.GetTempPath(), $"orderactors-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        if (Environment.UserName == "root")
        {
            await Run("chown", "-R", "postgres", dir);
        }

        var server = new PostgresServer(bin, dir, FreePort());
        await server.AsPostgres("initdb", "-D", server.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "-N");
        await server.StartAgainAsync();
        await server.AsPostgres("createdb", "-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "orderactors");
        return server;
    }

    private string DataDir => Path.Combine(_dir, "data");

    /// <summary>A fresh database per test keeps tests independent on one server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Guid.NewGuid():N}";
        await AsPostgres("createdb", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", name);
        return ConnectionString(name);
    }

    public Task StartAgainAsync() => AsPostgres("pg_ctl", "-D", DataDir, "-w", "-l", Path.Combine(_dir, "postgres.log"),
        "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");

    public Task StopAsync() => AsPostgres("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_dir, recursive: true);
    }

    private Task AsPostgres(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : Run(Path.Combine(_bin, tool), args);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("ORDERACTORS_PG_BIN");
        if (configured is not null)
        {
            return configured;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderDescending().FirstOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql.")
            : throw new InvalidOperationException("PostgreSQL server binaries not found: install postgresql or set ORDERACTORS_PG_BIN.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
