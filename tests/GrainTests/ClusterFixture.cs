using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Common;
using OrderActors.Silo;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderActors.Tests;

/// <summary>A real two-silo Orleans cluster in this process, with the embedded mode's memory providers.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Every idle activation goes: the next call to a grain reads it from storage.</summary>
    public Task DeactivateAll() => Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>The grain storage behind one of <see cref="StorageNames"/>, to read or plant what a grain stores.</summary>
    public IGrainStorage Storage(string name) => Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(name);

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Review:ManualAboveAmount"] = "5000",
            ["Review:MaxLineQuantity"] = "50",
            ["Idempotency:TakeOverAfter"] = "00:00:02",
        }).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddInMemoryProviders().AddOrderActorsGrains(configuration)
            .AddIncomingGrainCallFilter<UnreachableReceivers>());
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
