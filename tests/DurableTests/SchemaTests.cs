using System.Reflection;
using Npgsql;
using OrderActors.Silo.Database;
using Orleans.Configuration;

namespace OrderActors.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class SchemaTests(PostgresFixture fixture)
{
    [Fact]
    public async Task The_schema_applies_twice_without_error_and_only_once()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();

        var first = await SchemaMigrator.ApplyAsync(connectionString);
        var second = await SchemaMigrator.ApplyAsync(connectionString);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Scripts.Count, await Scalar<long>(connectionString, "SELECT count(*) FROM orderactors_schema_version"));
    }

    [Fact]
    public async Task Concurrent_migrations_from_several_silos_apply_each_script_once()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.ApplyAsync(connectionString)));
        Assert.Equal(SchemaMigrator.Scripts.Count, runs.Sum(r => r.Count));
    }

    [Fact]
    public async Task The_schema_supplies_every_query_key_the_providers_ask_for()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        var keys = new HashSet<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        // The clustering and reminder providers name their queries as properties of an internal class;
        // the grain storage provider asks for three fixed keys.
        var required = RequiredKeys(typeof(AdoNetClusteringSiloOptions).Assembly)
            .Concat(RequiredKeys(typeof(AdoNetReminderTableOptions).Assembly))
            .Concat(["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey"])
            .ToList();
        Assert.True(required.Count > 15, "the providers' query keys were not found by reflection");
        Assert.All(required, key => Assert.Contains(key, keys));
    }

    private static IEnumerable<string> RequiredKeys(Assembly provider) =>
        provider.GetTypes().Where(t => t.Name == "DbStoredQueries")
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic))
            .Where(p => p.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(p => p.Name);

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
