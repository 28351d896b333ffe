using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace OrderActors.Orders;

/// <inheritdoc cref="IOrderDeskGrain"/>
[GrainType("order-desk"), StatelessWorker, Reentrant]
public sealed class OrderDeskGrain(IOptions<OrderOptions> options) : Grain, IOrderDeskGrain
{
    public async Task<OrderResult> PlaceNew(string orderId, PlaceOrder command)
    {
        var (facts, failure) = await PlacementCheck.Gather(GrainFactory, command.CustomerId, command.Lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        var lines = PlacementCheck.Price(command.Lines, facts!.Stock);
        return PlacementCheck.CertainShortage(options.Value, command, facts, lines) is { } shortage
            ? OrderResult.Refused(shortage)
            : await GrainFactory.GetGrain<IOrderGrain>(orderId).PlaceChecked(command, facts);
    }
}
