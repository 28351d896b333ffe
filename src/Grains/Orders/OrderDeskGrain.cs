using Microsoft.Extensions.Options;
using OrderActors.Common;
using Orleans.Concurrency;

namespace OrderActors.Orders;

/// <inheritdoc cref="IOrderDeskGrain"/>
[GrainType("order-desk"), StatelessWorker, Reentrant]
public sealed class OrderDeskGrain(IOptions<OrderOptions> options, UnwrittenGrains unwritten) : Grain, IOrderDeskGrain
{
    public async Task<OrderResult> PlaceNew(string orderId, PlaceOrder command)
    {
        var (facts, failure) = await PlacementCheck.Gather(GrainFactory, command.CustomerId, command.Lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        var lines = PlacementCheck.Price(command.Lines, facts!.Stock);
        if (PlacementCheck.CertainShortage(options.Value, command, facts, lines) is { } shortage)
        {
            return OrderResult.Refused(shortage);
        }

        // The id is fresh (the caller's promise): the order's activation need not look for a stored state.
        var order = GrainFactory.GetGrain<IOrderGrain>(orderId);
        return await unwritten.While(order.GetGrainId(), () => order.PlaceChecked(command, facts));
    }
}
