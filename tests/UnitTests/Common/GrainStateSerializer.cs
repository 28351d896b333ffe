using Microsoft.Extensions.DependencyInjection;
using OrderActors.Inventory;
using OrderActors.Stock;
using Orleans.Serialization;

namespace OrderActors.Tests.Common;

/// <summary>Orleans' serializer as the silos configure it for grain state, over this project's types.</summary>
internal static class GrainStateSerializer
{
    public static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(SkuStockState).Assembly).AddAssembly(typeof(StockMovement).Assembly))
        .BuildServiceProvider();

    public static byte[] Bytes<T>(T value) => Services.GetRequiredService<Serializer<T>>().SerializeToArray(value);

    public static T Read<T>(byte[] bytes) => Services.GetRequiredService<Serializer<T>>().Deserialize(bytes)!;

    public static T RoundTrip<T>(T value) => Read<T>(Bytes(value));
}
