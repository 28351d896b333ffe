using Microsoft.Extensions.Options;
using OrderActors.Common;
using OrderActors.Orders;
using Prometheus;

namespace OrderActors.ApiHost.Orders;

/// <summary>
/// A host that co-hosts a silo (embedded, <c>--silo</c>) refuses an order its silo's placement cache already shows
/// cannot be filled (<see cref="PlacementCheck.HeldShortage"/>), without a grain call: a flash sale's late attempts.
/// The refusal is the one the order desk would give from the same cache. A client host has no cache, and sends
/// every order to the desk.
/// </summary>
public sealed class HeldRefusals(IServiceProvider services, IGrainFactory grains, IOptions<OrderOptions> options)
{
    // Without exemplars: recording one reads the clock and the trace context, on every refusal.
    private static readonly Counter Refused = Metrics.CreateCounter(
        "orderactors_orders_refused_in_host_total", "Orders refused as out of stock by the API host from its silo's placement cache, without a grain call.",
        new CounterConfiguration { ExemplarBehavior = ExemplarBehavior.NoExemplars() });

    private readonly ReadLeases? _leases = services.GetService<ReadLeases>();

    public Failure? Of(PlaceOrder command)
    {
        if (_leases is null || PlacementCheck.HeldShortage(grains, _leases, options.Value, command) is not { } shortage)
        {
            return null;
        }

        Refused.Inc();
        return shortage;
    }
}
