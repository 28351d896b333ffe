using Microsoft.Extensions.DependencyInjection;
using OrderActors.Audit;
using OrderActors.Orders;
using OrderActors.Silo;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace OrderActors.Tests.Silo;

[Collection(ClusterCollection.Name)]
public sealed class GrainInterfaceTypeCacheTests(ClusterFixture fixture)
{
    [Fact]
    public void Every_grain_interface_resolves_from_the_cache_to_what_Orleans_alone_resolves()
    {
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.IsType<GrainInterfaceTypeCache>(providers[0]);
        var cached = services.GetRequiredService<GrainInterfaceTypeResolver>();
        var orleansAlone = new GrainInterfaceTypeResolver(providers.Skip(1), services.GetRequiredService<TypeConverter>());

        var interfaces = typeof(IOrderGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.IsGenericTypeDefinition)
            .Append(typeof(Common.ILogPageGrain<AuditEntry>))
            .ToList();
        Assert.True(interfaces.Count > 20);
        foreach (var type in interfaces)
        {
            var first = cached.GetGrainInterfaceType(type);
            Assert.Equal(orleansAlone.GetGrainInterfaceType(type), first);
            Assert.Equal(first, cached.GetGrainInterfaceType(type));
        }
    }
}
