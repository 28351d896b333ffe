using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrderActors.Common;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using OrderActors.Silo.Storage;
using OrderActors.Silo.Streaming;
using Orleans.Runtime.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrderActors.Silo;

/// <summary>
/// The durable mode: membership and reminders in PostgreSQL through the Orleans ADO.NET providers, reading
/// their queries from the project's own schema (Database/Schema); grain state and stream queues in tables
/// of that schema, written by the silo in batches (Storage, Streaming).
/// </summary>
public static class DurableSetup
{
    public const string ConnectionStringName = "OrderActors";
    public const string Invariant = "Npgsql";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs ? Normalize(cs) : null;

    /// <summary>
    /// Timestamps are read and written as UTC whatever the server's default time zone. Pooled connections
    /// skip the session reset (a DISCARD ALL round trip per reuse): no code of ours or of the Orleans
    /// providers leaves session state behind. The few statements the providers repeat (state read and
    /// write, queue insert, poll and delete) are prepared on each connection after their second use, so
    /// PostgreSQL stops parsing and planning them for every call.
    /// </summary>
    public static string Normalize(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timezone = "UTC",
            NoResetOnClose = true,
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;

    public static ISiloBuilder UseDurableMode(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = configuration.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
            o.GatewayPort = configuration.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
            if (configuration["Orleans:AdvertisedIP"] is { Length: > 0 } advertised)
            {
                o.AdvertisedIPAddress = IPAddress.Parse(advertised);
            }

            if (configuration.GetValue<bool>("Orleans:ListenOnAnyAddress"))
            {
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, o.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, o.GatewayPort);
            }
        });

        var database = NpgsqlDataSource.Create(connectionString);
        silo.AddPostgresGrainStorage(database, connectionString);

        // A request to a silo that died fails after this long instead of Orleans' default 30 s.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout(configuration));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddPersistentStreams(StreamNames.Provider, (services, name) => new PostgresQueueAdapter(
                name, database,
                services.GetRequiredService<IOptionsMonitor<HashRingStreamQueueMapperOptions>>().Get(name),
                services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(name),
                services.GetRequiredService<Serializer>(), services.GetRequiredService<ILoggerFactory>()),
            streams =>
            {
                streams.ConfigurePullingAgent(o => o.Configure(p =>
                {
                    StreamDelivery.Configure(p);
                    p.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(100);
                    p.MaxEventDeliveryTime = StreamDelivery.MaxDeliveryTime(configuration);
                }));
                streams.ConfigureBackoffProvider((_, _) => new StreamDelivery.Backoff());
            });
        return silo.AddOrderActorsGrains(configuration);
    }

    /// <summary>
    /// Every named grain storage in PostgreSQL (<see cref="RowGrainStorage"/> over <see cref="GrainStateTable"/>), with the ADO.NET provider of
    /// earlier builds behind each to read what they stored.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, NpgsqlDataSource database, string connectionString)
    {
        silo.Services.AddSingleton(sp => new GrainStateTable(database, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.Services.AddSingleton(sp => new LegacyGrainState(database, sp));
        silo.Services.TryAddSingleton<UnwrittenGrains>();
        foreach (var name in StorageNames.All)
        {
            silo.Services.AddGrainStorage(name, (sp, storage) => ActivatorUtilities.CreateInstance<RowGrainStorage>(
                sp, storage, sp.GetRequiredService<GrainStateTable>(), sp.GetRequiredService<LegacyGrainState>()));

            // Earlier builds stored state through the ADO.NET provider; it stays to read that state until its
            // grains write again.
            silo.Services.AddAdoNetStorageAsEarlierBuilds(name + LegacyGrainState.Suffix, connectionString);
        }

        return silo;
    }

    /// <summary>
    /// A grain storage as builds before 2026-11-28 registered each name: the Orleans ADO.NET provider over
    /// <c>orleans_grain_state</c> with Orleans' binary serializer (compact, and exact for decimals).
    /// </summary>
    public static IServiceCollection AddAdoNetStorageAsEarlierBuilds(this IServiceCollection services, string name, string connectionString) =>
        services.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

    private static TimeSpan ResponseTimeout(IConfiguration configuration) =>
        configuration.GetValue("Orleans:ResponseTimeout", TimeSpan.FromSeconds(10));

    /// <summary>An API host (or any client) joining a durable cluster through its gateways.</summary>
    public static IClientBuilder UseDurableCluster(this IClientBuilder client, IConfiguration configuration, string connectionString)
    {
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout(configuration));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        GrainInterfaceTypeCache.AddTo(client.Services);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = configuration["Orleans:ClusterId"] ?? "orderactors";
            o.ServiceId = configuration["Orleans:ServiceId"] ?? "orderactors";
        });
        return client;
    }
}
