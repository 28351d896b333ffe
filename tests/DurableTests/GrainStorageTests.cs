using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Inventory;
using OrderActors.Ledger;
using OrderActors.Orders;
using OrderActors.Silo;
using OrderActors.Silo.Database;
using OrderActors.Silo.Storage;
using OrderActors.Stock;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderActors.Tests;

/// <summary>The durable mode's grain storage: batched writes that still refuse stale versions, and state of earlier builds.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class GrainStorageTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Hundreds_of_concurrent_writes_are_each_stored_once_at_the_version_their_writer_expected()
    {
        var (table, database) = await NewTable();
        var ids = Enumerable.Range(0, 300).Select(i => $"order/O-{i}").ToList();

        var first = await Task.WhenAll(ids.Select(id => table.Write(id, "order", [1, (byte)id.Length], null)));
        var second = await Task.WhenAll(ids.Select(id => table.Write(id, "order", [2], 1)));

        Assert.All(first, v => Assert.Equal(1, v));
        Assert.All(second, v => Assert.Equal(2, v));
        var read = await Task.WhenAll(ids.Select(id => table.Read(id, "order")));
        Assert.All(read, r => Assert.Equal((byte[])[2], r!.Payload));
        Assert.Equal(300L, await Scalar<long>(database, "SELECT count(*) FROM orderactors_grain_state WHERE version = 2"));
        Assert.True(table.WriteStatements < 100, $"600 concurrent writes took {table.WriteStatements} statements");
    }

    [Fact]
    public async Task A_write_against_a_version_the_row_has_left_changes_nothing()
    {
        var (table, _) = await NewTable();
        Assert.Equal(1, await table.Write("sku/TEA", "stock", [1], null));
        Assert.Equal(2, await table.Write("sku/TEA", "stock", [2], 1));

        // A stale activation (it read version 1) and a second activation that never read the row.
        var results = await Task.WhenAll(table.Write("sku/TEA", "stock", [9], 1), table.Write("sku/TEA", "stock", [8], null));

        Assert.All(results, r => Assert.Null(r));
        var row = await table.Read("sku/TEA", "stock");
        Assert.Equal((byte[])[2], row!.Payload);
        Assert.Equal(2, row.Version);
    }

    [Fact]
    public async Task Clearing_keeps_the_row_so_the_version_keeps_counting()
    {
        var (table, _) = await NewTable();
        Assert.Equal(1, await table.Write("order/O-1", "order", [1], null));
        Assert.Equal(2, await table.Write("order/O-1", "order", null, 1));

        var cleared = await table.Read("order/O-1", "order");

        Assert.Equal(2, cleared!.Version);
        Assert.Null(cleared.Payload);
        Assert.Null(await table.Write("order/O-1", "order", [3], null));
        Assert.Null(await table.Read("order/O-2", "order"));
    }

    [Fact]
    public async Task State_stored_by_the_ado_net_provider_of_earlier_builds_is_read_and_moves_on_its_next_write()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);

        // As earlier builds stored customers: the ADO.NET provider.
        await using (var before = await StartCluster(silo => silo.Services.AddAdoNetStorageAsEarlierBuilds(StorageNames.Customers, connectionString)))
        {
            await before.Client.GetGrain<ICustomerGrain>("C-OLD").Upsert(new CustomerProfile("Ada Old", "ada@example.com", null, false));
        }

        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var after = await StartCluster(silo => silo.AddPostgresGrainStorage(database, connectionString));
        var customer = after.Client.GetGrain<ICustomerGrain>("C-OLD");

        var read = await customer.Get();
        var (updated, created) = await customer.Upsert(new CustomerProfile("Ada New", "ada@example.com", null, false));

        Assert.Equal("Ada Old", read!.Profile.Name);
        Assert.False(created);
        Assert.Equal("Ada New", updated.Profile.Name);
        Assert.Equal(1L, await Scalar<long>(database, "SELECT count(*) FROM orderactors_grain_state WHERE grain_id LIKE '%C-OLD' AND payload IS NOT NULL"));
    }

    [Fact]
    public async Task A_snapshot_stored_behind_a_customers_back_does_not_stop_its_later_snapshots()
    {
        await using var storage = await PostgresCluster();
        var (database, cluster) = (storage.Database, storage.Cluster);
        var customer = await Customer(cluster, "C-RACE");
        Task Track(int i) => Report(customer, i);
        for (var i = 0; i < 30; i++)
        {
            await Track(i);
        }

        // As an earlier activation finishing its last snapshot as this one started would: the stored snapshot moves
        // on to a version this activation has not seen, and its next snapshot is refused.
        Assert.Equal(1L, await Scalar<long>(database, """
            WITH bumped AS (UPDATE orderactors_grain_state SET version = version + 1
                            WHERE grain_id = 'customer/C-RACE' AND state_name = 'history' RETURNING 1)
            SELECT count(*) FROM bumped
            """));
        // A later snapshot is stored and the customer's state holds only a few changes again (while the refusal is
        // handled, changes gather: up to 60 more orders are given for that).
        async Task<int> StoredChanges()
        {
            var stored = new GrainState<CustomerState>(new CustomerState());
            await cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Customers)
                .ReadStateAsync("customer", GrainId.Create("customer", "C-RACE"), stored);
            return stored.State!.History.Changes.Count;
        }

        var placed = 30;
        while (placed < 150 && (placed < 90 || await StoredChanges() > 2 * CustomerHistory.SnapshotAfter))
        {
            await Track(placed++);
        }

        Assert.InRange(await StoredChanges(), 0, 2 * CustomerHistory.SnapshotAfter);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(placed, (await customer.ListOrders(null, 200, null)).Items.Count);
        Assert.Equal(placed, (await customer.ListNotifications(500)).Count);
    }

    [Fact]
    public async Task A_customer_given_two_hundred_order_reports_at_once_keeps_them_all_in_far_fewer_writes()
    {
        await using var storage = await PostgresCluster();
        var (database, cluster) = (storage.Database, storage.Cluster);
        var customer = await Customer(cluster, "C-BUSY");

        // Each answered only once stored; reports that arrive while a write runs go together in the next one.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Report(customer, i)));

        var writes = await Scalar<int>(database, "SELECT version FROM orderactors_grain_state WHERE grain_id = 'customer/C-BUSY' AND state_name = 'customer'");
        Assert.InRange(writes, 2, 100);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(200, (await customer.ListOrders(null, 300, null)).Items.Count);
        Assert.Equal(200, (await customer.ListNotifications(500)).Count);
    }

    [Fact]
    public async Task A_ledger_shard_day_writes_no_more_than_a_page_however_long_its_journal_grows()
    {
        await using var storage = await PostgresCluster();
        var (database, cluster) = (storage.Database, storage.Cluster);
        var shard = cluster.Client.GetGrain<ILedgerShardGrain>("2026-11-01/3");
        const string row = "SELECT octet_length(payload) FROM orderactors_grain_state WHERE grain_id = 'ledger-shard/2026-11-01/3'";
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        JournalEntry Entry(int i) => new($"pay-{i:D3}", at.AddSeconds(i), "payment", $"o{i:D3}", null, $"payment of order o{i:D3}",
            [new JournalLine("1001-cash", 10m + i, 0m), new JournalLine("2201-customer-deposits", 0m, 10m + i)]);

        for (var i = 0; i < 60; i++)
        {
            await shard.Post([Entry(i)]);
        }

        var withSixty = await Scalar<int>(database, row);
        for (var i = 60; i < 300; i++)
        {
            await shard.Post([Entry(i)]);
        }

        // 300 entries: four sealed pages of their own and 44 open, where a whole-journal row would be five times the 60's.
        Assert.InRange(await Scalar<int>(database, row), 1, withSixty);
        Assert.Equal(4L, await Scalar<long>(database, "SELECT count(*) FROM orderactors_grain_state WHERE grain_id LIKE 'journal-page/2026-11-01/3#%'"));
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(300, (await shard.Journal()).Count);
        Assert.Equal(Enumerable.Range(0, 300).Sum(i => 10m + i), (await shard.Balances())["1001-cash"]);
    }

    [Fact]
    public async Task The_inventory_registry_writes_no_more_than_a_page_however_many_skus_the_catalog_holds()
    {
        await using var storage = await PostgresCluster();
        var (database, cluster) = (storage.Database, storage.Cluster);
        var registry = cluster.Client.GetGrain<IInventoryRegistryGrain>(0);
        const string row = "SELECT octet_length(payload) FROM orderactors_grain_state WHERE grain_id LIKE 'inventory-registry/%'";
        var skus = Enumerable.Range(0, 300).Select(i => $"CATALOG-SKU-{i:D4}").ToList();

        foreach (var sku in skus.Take(60))
        {
            await registry.AddSku(sku);
        }

        var withSixty = await Scalar<int>(database, row);
        await Task.WhenAll(skus.Skip(60).Select(registry.AddSku));

        // 300 SKUs: four sealed pages and 44 open, where a whole-catalog row would be five times the 60's.
        Assert.InRange(await Scalar<int>(database, row), 1, withSixty);
        Assert.Equal(4L, await Scalar<long>(database, "SELECT count(*) FROM orderactors_grain_state WHERE grain_id LIKE 'id-page/inventory/skus#%'"));
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(skus, await registry.Skus());
    }

    [Fact]
    public async Task An_order_placed_under_a_fresh_id_is_stored_without_a_read_and_a_taken_id_is_never_overwritten()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        await using var database = NpgsqlDataSource.Create(connectionString);
        static PlaceOrder Order(int quantity) => new("C-1", Channel.Web, PaymentTerms.Prepaid, ShortagePolicy.Reject,
            [new OrderLineRequest("TEA", quantity)], null, null, "test");
        await using (var first = await StartCluster(silo => silo.AddPostgresGrainStorage(database, connectionString)))
        {
            await first.Client.GetGrain<ICustomerGrain>("C-1").Upsert(new CustomerProfile("Ada", null, null, false));
            await first.Client.GetGrain<ISkuStockGrain>("TEA").Upsert(new SkuCatalog("Tea", 10m, 5m, 0.13m, "CNY", 1));
            await first.Client.GetGrain<IReplenishmentGrain>("TEA").Receive(new ReceiveStock("main", 10, "test", "test"));

            var placed = await first.Client.GetGrain<IOrderDeskGrain>(0).PlaceNew("O-TAKEN", Order(1));

            Assert.Equal(OrderStatus.Confirmed, placed.Order!.Status);
        }

        // A later process is handed an id that is already stored (against the desk's contract): the order's
        // activation takes it for new and does not read it, and its first write, which expects no row, is refused.
        await using var second = await StartCluster(silo => silo.AddPostgresGrainStorage(database, connectionString));
        await Assert.ThrowsAnyAsync<Exception>(() => second.Client.GetGrain<IOrderDeskGrain>(0).PlaceNew("O-TAKEN", Order(3)));

        var stored = await second.Client.GetGrain<IOrderGrain>("O-TAKEN").Get();
        Assert.Equal(1, stored!.Lines.Single().Quantity);
        Assert.Equal(OrderStatus.Confirmed, stored.Status);
        Assert.Equal(1, (await second.Client.GetGrain<ISkuStockGrain>("TEA").Get())!.Stock.Reserved);
    }

    /// <summary>A fresh database with our schema, and a one-silo cluster storing grain state in it.</summary>
    private async Task<StoredCluster> PostgresCluster()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        var database = NpgsqlDataSource.Create(connectionString);
        return new(database, await StartCluster(silo => silo.AddPostgresGrainStorage(database, connectionString)));
    }

    private sealed record StoredCluster(NpgsqlDataSource Database, InProcessTestCluster Cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cluster.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<ICustomerGrain> Customer(InProcessTestCluster cluster, string id)
    {
        var customer = cluster.Client.GetGrain<ICustomerGrain>(id);
        await customer.Upsert(new CustomerProfile("Ada", null, null, false));
        return customer;
    }

    /// <summary>The customer's <paramref name="i"/>th order, confirmed, with its notice.</summary>
    private static Task Report(ICustomerGrain customer, int i)
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(i);
        return customer.TrackOrder(new CustomerOrder($"o{i:D3}", OrderStatus.Confirmed, Channel.Web, 10m, 0m, "CNY", at, 2),
            new Notification($"o{i:D3}:confirmation", NotificationKinds.OrderConfirmation, "confirmed", at, $"o{i:D3}"));
    }

    private static async Task<InProcessTestCluster> StartCluster(Action<ISiloBuilder> storage)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "storage-test"; // both clusters of a test are the same service
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryProviders().AddOrderActorsGrains(new ConfigurationBuilder().Build());
            storage(silo);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task<(GrainStateTable Table, NpgsqlDataSource Database)> NewTable()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        var database = NpgsqlDataSource.Create(connectionString);
        return (new GrainStateTable(database, "test"), database);
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
