using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrderActors.Silo.Database;

/// <summary>
/// Applies the project's own PostgreSQL schema (Database/Schema/NNN_name.sql, embedded in this assembly)
/// in order, each script once, recorded in <c>orderactors_schema_version</c>. Safe to run from several
/// silos at once (an advisory lock serializes them) and any number of times.
/// </summary>
public static partial class SchemaMigrator
{
    private const long LockKey = 0x4F72646572416374; // "OrderAct"

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <returns>The versions this call applied (empty when the schema was already current).</returns>
    public static async Task<IReadOnlyList<int>> ApplyAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS orderactors_schema_version
                (
                    version    integer PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM orderactors_schema_version", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var (version, name, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO orderactors_schema_version (version, name) VALUES (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                if (logger is not null)
                {
                    LogApplied(logger, version, name);
                }

                done.Add(version);
            }

            return done;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Waits for PostgreSQL to accept connections (a container may start before it), then applies the schema.</summary>
    public static async Task ApplyWhenReachableAsync(string connectionString, TimeSpan patience, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                await ApplyAsync(connectionString, logger, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (DateTime.UtcNow < deadline && ex.IsTransient)
            {
                if (logger is not null)
                {
                    LogWaiting(logger, ex.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Database.Schema.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(".Database.Schema.", StringComparison.Ordinal) + ".Database.Schema.".Length)..];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (int.Parse(file[..3], CultureInfo.InvariantCulture), file[4..^4], reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet ({Reason}); retrying")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
