using OrderActors.Silo.Storage;
using OrderActors.Silo.Streaming;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Orders;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Statistics;
using Orleans.Storage;

namespace OrderActors.Silo;

/// <summary>Configures a silo for OrderActors: the grains' services, then the storage and streams of a mode.</summary>
public static class SiloSetup
{
    /// <summary>Services every silo needs, whatever stands behind storage and streams.</summary>
    public static ISiloBuilder AddOrderActorsGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<UnwrittenGrains>();
        silo.Services.TryAddSingleton<DirectoryLocalIds>();
        silo.Services.TryAddSingleton<ReadLeases>();
        silo.Services.AddSingleton<IEnvironmentStatisticsProvider, ProcessStatistics>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ListeningPortGuard>();
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        GrainInterfaceTypeCache.AddTo(silo.Services);
        silo.Services.AddOptions<OrderOptions>()
            .Bind(configuration.GetSection("Review"))
            .Bind(configuration.GetSection("Orders"));
        silo.Services.AddOptions<Customers.SegmentOptions>().Bind(configuration.GetSection("Segments"));
        silo.Services.AddOptions<Ledger.LedgerAccounts>().Bind(configuration.GetSection("Ledger:Accounts"));
        silo.Services.AddOptions<Inventory.InventoryOptions>().Bind(configuration.GetSection("Inventory"));
        silo.Services.AddOptions<Idempotency.IdempotencyOptions>().Bind(configuration.GetSection("Idempotency"));
        silo.Services.AddOptions<Complaints.ComplaintOptions>().Bind(configuration.GetSection("Complaints:Sla"));
        silo.Services.AddOptions<EventRelayOptions>().Bind(configuration.GetSection("Streams"));
        silo.Services.AddOptions<ReadLeaseOptions>().Bind(configuration.GetSection("ReadLeases"));
        silo.Services.TryAddSingleton<SegmentRefreshStartup>();
        silo.AddStartupTask((services, _) => services.GetRequiredService<SegmentRefreshStartup>().Start());
        silo.AddStartupTask((services, _) =>
        {
            services.GetRequiredService<ReadLeases>().Open();
            return Task.CompletedTask;
        });
        // Addresses of grains called from here, most recent first. Orleans keeps up to a million, dead ones included
        // (every order this silo ever called, ~250 B each); a tenth of that covers the live customers, SKUs and orders.
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = 100_000);
        // Idle grains are looked for every 20 s (Orleans: every minute), so that an order can leave after one idle
        // minute: the API host holds the orders it placed, and at 500 orders/s two minutes of them came near 1 GiB.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.FromSeconds(20));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = configuration["Orleans:ClusterId"] ?? "orderactors";
            o.ServiceId = configuration["Orleans:ServiceId"] ?? "orderactors";
        });
        return silo;
    }

    /// <summary>
    /// The embedded mode: one silo on localhost, with grain state, reminders and streams in memory.
    /// Ports come from <c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c> (read when the silo starts).
    /// </summary>
    public static ISiloBuilder UseEmbeddedMode(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.UseLocalhostClustering();
        silo.Services.AddOptions<EndpointOptions>().PostConfigure(o =>
        {
            o.SiloPort = configuration.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
            o.GatewayPort = configuration.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
            o.AdvertisedIPAddress = IPAddress.Loopback;
        });
        silo.Services.AddOptions<DevelopmentClusterMembershipOptions>().PostConfigure(o =>
            o.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, configuration.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT)));

        // One silo: its grains' state can live in its own memory (InProcessStateRows), without a storage grain.
        silo.Services.TryAddSingleton<InProcessStateRows>();
        foreach (var name in StorageNames.All)
        {
            silo.Services.AddGrainStorage(name, (sp, storage) =>
                ActivatorUtilities.CreateInstance<RowGrainStorage>(sp, storage, sp.GetRequiredService<InProcessStateRows>()));
        }

        return silo.AddInMemoryRemindersAndStreams().AddOrderActorsGrains(configuration);
    }

    /// <summary>
    /// Grain storage, reminders and streams held in memory, lost when the silo stops, for clusters of several silos in
    /// one process (tests): the state goes through Orleans' memory storage grain, which every silo of the cluster reaches.
    /// </summary>
    public static ISiloBuilder AddInMemoryProviders(this ISiloBuilder silo)
    {
        foreach (var name in StorageNames.All)
        {
            // Orleans' binary serializer, as in the durable mode: the default (Newtonsoft JSON) was a tenth of
            // an embedded host's CPU under load, and turned decimals such as 199 into 199.0.
            silo.AddMemoryGrainStorage(name, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
                options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
        }

        return silo.AddInMemoryRemindersAndStreams();
    }

    private static ISiloBuilder AddInMemoryRemindersAndStreams(this ISiloBuilder silo)
    {
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePullingAgent(o => o.Configure(StreamDelivery.Configure)));
        return silo;
    }
}
