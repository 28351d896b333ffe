using OrderActors.Common;
using OrderActors.Orders;

namespace OrderActors.Customers;

/// <summary>A customer's profile, the orders it placed (kept current by the order grains) and its notices.</summary>
[GrainType("customer")]
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> store,
    TimeProvider time) : Grain, ICustomerGrain
{
    private const int NotificationCapacity = 200;

    private CustomerState State => store.State;

    public async Task<(CustomerSnapshot Customer, bool Created)> Upsert(CustomerProfile profile)
    {
        var created = State.Profile is null;
        if (State.Profile == profile)
        {
            return (Snapshot(), false);
        }

        var now = time.GetUtcNow();
        State.CreatedAt = created ? now : State.CreatedAt;
        State.UpdatedAt = now;
        State.Profile = profile;
        await store.WriteStateAsync();
        return (Snapshot(), created);
    }

    public Task<CustomerSnapshot?> Get() => Task.FromResult(State.Profile is null ? null : Snapshot());

    public async Task TrackOrder(CustomerOrder order, Notification? notice)
    {
        var known = State.Orders.GetValueOrDefault(order.OrderId);
        var changed = known is null || known.Version < order.Version;
        if (changed)
        {
            State.Orders[order.OrderId] = order;
        }

        var notify = notice is not null && !State.Notifications.Exists(n => n.NotificationId == notice.NotificationId);
        if (notify)
        {
            State.Notifications.Add(notice!);
            if (State.Notifications.Count > NotificationCapacity)
            {
                State.Notifications.RemoveAt(0);
            }
        }

        if (changed || notify)
        {
            await store.WriteStateAsync();
        }
    }

    public Task<CustomerOrderPage> ListOrders(OrderStatus? status, int limit, string? cursor)
    {
        var after = OrderCursor.Decode(cursor);
        var page = State.Orders.Values
            .Where(o => status is null || o.Status == status)
            .OrderByDescending(o => o.CreatedAt.UtcTicks).ThenByDescending(o => o.OrderId, StringComparer.Ordinal)
            .Where(o => after is null || o.CreatedAt.UtcTicks < after.Value.Ticks
                || (o.CreatedAt.UtcTicks == after.Value.Ticks && string.CompareOrdinal(o.OrderId, after.Value.OrderId) < 0))
            .Take(limit + 1)
            .ToList();
        var next = page.Count > limit ? OrderCursor.Encode(page[limit - 1]) : null;
        return Task.FromResult(new CustomerOrderPage(page.Take(limit).ToList(), next));
    }

    public Task<IReadOnlyList<Notification>> ListNotifications(int limit) =>
        Task.FromResult<IReadOnlyList<Notification>>(Enumerable.Reverse(State.Notifications).Take(limit).ToList());

    private CustomerSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(), State.Profile!, CustomerSegments.Of(State.Orders.Values),
        State.Orders.Values.Count(o => o.Status != OrderStatus.Cancelled),
        State.Orders.Values.Sum(o => o.NetPaid), State.CreatedAt, State.UpdatedAt);
}
