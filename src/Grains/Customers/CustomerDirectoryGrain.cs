using OrderActors.Common;

namespace OrderActors.Customers;

/// <summary>
/// A shard of the customer directory. It sits on the order path (every order change updates one), so it
/// writes behind: changes are flushed every 30 s and on deactivation. What a crash loses here is
/// restored by the next segment refresh, which pushes every customer's summary again. Segment moves only
/// grow: they are a paged log, so a flush writes at most a page of them with the summaries, and seals each
/// full page once, as a row of its own.
/// </summary>
[GrainType("customer-directory")]
public sealed class CustomerDirectoryGrain(
    [PersistentState("directory", StorageNames.Customers)] IPersistentState<CustomerDirectoryState> store) : Grain, ICustomerDirectoryGrain
{
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
            store.State.MoveLog.Open.Add(move);
        }

        Changed();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CustomerSummary>> Summaries() =>
        Task.FromResult<IReadOnlyList<CustomerSummary>>([.. store.State.Customers.Values]);

    public async Task<IReadOnlyList<SegmentMove>> Moves(DateTimeOffset from, DateTimeOffset to)
    {
        // A page without a known span (none should be) is read rather than skipped.
        var pages = store.State.MovePages;
        var moves = await store.State.MoveLog.List(GrainFactory, MoveLogKey, p => p >= pages.Count || pages[p].Overlaps(from, to));
        return moves.Where(m => m.At >= from && m.At <= to).ToList();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.EarlierMoves is { Count: > 0 })
        {
            // Older than any move to come; the next flush seals them into pages.
            Changed();
        }

        store.State.EarlierMoves = store.State.MoveLog.Open.Adopt(store.State.EarlierMoves);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await Flush(cancellationToken);

    private string MoveLogKey => $"customer-directory/{this.GetPrimaryKeyLong()}";

    private void Changed()
    {
        _dirty = true;
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushEvery, FlushEvery));
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            try
            {
                var log = store.State.MoveLog;
                await log.Seal(GrainFactory, MoveLogKey, log.Open.Count, closing: false, page => store.State.MovePages.Add(MovePageSpan.Of(page)));
                await store.WriteStateAsync(cancellationToken);
            }
            catch
            {
                // Tried again at the next tick: what was sealed stays sealed (the index kept in step), the rest open.
                _dirty = true;
                throw;
            }
        }
    }
}

/// <summary>A sealed page of a directory shard's segment moves.</summary>
[GrainType("segment-move-page")]
public sealed class SegmentMovePageGrain(
    [PersistentState("page", StorageNames.Logs)] IPersistentState<LogPageState<SegmentMove>> store) : LogPageGrain<SegmentMove>(store);
