using System.Globalization;
using OrderActors.Common;
using OrderActors.Orders;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrderActors.Reports;

/// <summary>
/// Folds one UTC day's order events into figures. Implicitly subscribed: the stream key is the day,
/// so each day's events arrive at that day's grain.
/// </summary>
[GrainType("daily-order-report")]
[ImplicitStreamSubscription(StreamNames.OrderEvents)]
public sealed class DailyOrderReportGrain(
    [PersistentState("daily-orders", StorageNames.Reports)] IPersistentState<DailyOrderReportState> store)
    : Grain, IDailyOrderReportGrain, IStreamSubscriptionObserver, IAsyncObserver<OrderStatusChanged>
{
    private DailyOrderReportState State => store.State;

    public Task<DailyOrderFigures> GetFigures() => Task.FromResult(new DailyOrderFigures(
        DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        State.Totals, State.ByChannel.ToDictionary(), State.Counted.Count));

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<OrderStatusChanged>().ResumeAsync(this);

    public async Task OnNextAsync(OrderStatusChanged item, StreamSequenceToken? token = null)
    {
        if (!State.Counted.Add(item.EventId))
        {
            return;
        }

        OrderFiguresFold.Apply(State.Totals, item);
        if (!State.ByChannel.TryGetValue(item.Channel, out var channel))
        {
            State.ByChannel[item.Channel] = channel = new OrderFigures();
        }

        OrderFiguresFold.Apply(channel, item);
        await store.WriteStateAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
