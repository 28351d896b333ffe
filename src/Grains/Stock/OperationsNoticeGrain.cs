using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>Operations' notice board; keeps the newest <see cref="Capacity"/> notices.</summary>
[GrainType("ops-notices")]
public sealed class OperationsNoticeGrain(
    [PersistentState("notices", StorageNames.Customers)] IPersistentState<NoticeLogState> store) : Grain, IOperationsNoticeGrain
{
    private const int Capacity = 1000;

    public async Task Post(Notification notice)
    {
        if (store.State.Notices.Any(n => n.NotificationId == notice.NotificationId))
        {
            return;
        }

        store.State.Notices.Add(notice);
        if (store.State.Notices.Count > Capacity)
        {
            store.State.Notices.RemoveRange(0, store.State.Notices.Count - Capacity);
        }

        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<Notification>> List(int limit) =>
        Task.FromResult<IReadOnlyList<Notification>>(Enumerable.Reverse(store.State.Notices).Take(limit).ToList());
}
