using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace OrderActors.Silo;

/// <summary>
/// Remembers the <see cref="GrainInterfaceType"/> of each grain interface. Orleans works it out again on every
/// <c>GetGrain</c> (each provider reads the interface's attributes, then the type's name is formatted): about a
/// twentieth of the API host's CPU in a flash sale's refusals. Asked first, this answers from memory and asks
/// the other providers and the naming convention once per interface, so the answer is the one Orleans gives.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    [ThreadStatic] private static bool t_resolving;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    /// <summary>Registers the cache ahead of Orleans' own providers (they are asked in registration order).</summary>
    public static void AddTo(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_resolving)
        {
            // Asked by the resolver below: let the other providers and the convention answer.
            return false;
        }

        t_resolving = true;
        try
        {
            grainInterfaceType = services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
        }
        finally
        {
            t_resolving = false;
        }

        _known.TryAdd(type, grainInterfaceType);
        return true;
    }
}
