using Microsoft.Extensions.Options;
using OrderActors.Common;
using Orleans.Concurrency;

namespace OrderActors.Orders;

/// <inheritdoc cref="IOrderDeskGrain"/>
[GrainType("order-desk"), StatelessWorker, Reentrant]
public sealed class OrderDeskGrain(IOptions<OrderOptions> options, UnwrittenGrains unwritten, DirectoryLocalIds ids, ReadLeases leases, TimeProvider time)
    : Grain, IOrderDeskGrain
{
    private static readonly GrainType OrderType = GrainType.Create("order");

    public Task<OrderResult> Place(PlaceOrder command) => PlaceUnder(null, command);

    public Task<OrderResult> PlaceNew(string orderId, PlaceOrder command) => PlaceUnder(orderId, command);

    private async Task<OrderResult> PlaceUnder(string? orderId, PlaceOrder command)
    {
        var (facts, failure) = await PlacementCheck.Gather(GrainFactory, leases, command.CustomerId, command.Lines);
        if (failure is not null)
        {
            return OrderResult.Refused(failure);
        }

        var lines = PlacementCheck.Price(command.Lines, facts!.Stock);
        if (PlacementCheck.CertainShortage(options.Value, command, facts, lines) is { } shortage)
        {
            return OrderResult.Refused(shortage);
        }

        // An id minted here is owned by this silo's part of the grain directory, so the new order (placed in this
        // silo) is looked up and registered without a call to another silo. The id is fresh (minted, or the
        // caller's promise): the order's activation need not look for a stored state.
        orderId ??= ids.New(OrderType, () => OrderIds.New(time));
        var order = GrainFactory.GetGrain<IOrderGrain>(orderId);
        return await unwritten.While(order.GetGrainId(), () => order.PlaceChecked(command, facts));
    }
}
