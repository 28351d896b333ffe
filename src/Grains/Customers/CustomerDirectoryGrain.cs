using OrderActors.Common;

namespace OrderActors.Customers;

/// <summary>
/// A shard of the customer directory. It sits on the order path (every order change updates one), so it
/// writes behind: changes are flushed every 30 s and on deactivation. What a crash loses here is
/// restored by the next segment refresh, which pushes every customer's summary again.
/// </summary>
[GrainType("customer-directory")]
public sealed class CustomerDirectoryGrain(
    [PersistentState("directory", StorageNames.Customers)] IPersistentState<CustomerDirectoryState> store) : Grain, ICustomerDirectoryGrain
{
    private const int MoveCapacity = 100_000;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(30);
    private IGrainTimer? _flush;
    private bool _dirty;

    public Task Update(CustomerSummary summary, SegmentMove? move)
    {
        if (store.State.Customers.GetValueOrDefault(summary.CustomerId) is { } known && known.UpdatedAt > summary.UpdatedAt)
        {
            return Task.CompletedTask;
        }

        store.State.Customers[summary.CustomerId] = summary;
        if (move is not null)
        {
            store.State.Moves.Add(move);
            if (store.State.Moves.Count > MoveCapacity)
            {
                store.State.Moves.RemoveRange(0, store.State.Moves.Count - MoveCapacity);
            }
        }

        _dirty = true;
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushEvery, FlushEvery));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CustomerSummary>> Summaries() =>
        Task.FromResult<IReadOnlyList<CustomerSummary>>([.. store.State.Customers.Values]);

    public Task<IReadOnlyList<SegmentMove>> Moves(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<SegmentMove>>(store.State.Moves.Where(m => m.At >= from && m.At <= to).ToList());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await Flush(cancellationToken);

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await store.WriteStateAsync(cancellationToken);
        }
    }
}
