using Microsoft.Extensions.Logging;

namespace OrderActors.Common;

/// <summary>
/// When and how a grain rewrites the snapshot of a collection that grows with its life (a SKU's open
/// reservations, a customer's orders). The grain's state carries the changes since the snapshot; the snapshot is
/// a second state of the grain, written in the background once the changes reach a threshold, after the state
/// write that stored them has answered its callers. One snapshot write runs at a time.
/// </summary>
/// <remarks>
/// The threshold is drawn anew after every snapshot, between <c>every</c> and 1.5 × <c>every</c> changes: grains
/// created together (a catalogue loaded at once) would otherwise reach it together and write their snapshots in
/// one wave, over and over. A snapshot only ever holds stored changes (it is taken just before a state write and
/// stored only once that write succeeded), so replaying the changes over it after a crash gives
/// the same collection.
/// </remarks>
public sealed partial class SnapshotSchedule<TSnapshot>(IPersistentState<TSnapshot> store, int every, ILogger logger, string owner)
    where TSnapshot : class
{
    private int _threshold = Draw(every);
    private bool _writing;

    /// <summary>
    /// Writes the grain's <paramref name="state"/>, which holds <paramref name="changes"/> changes since the snapshot.
    /// When they are many, the snapshot <paramref name="take"/>n just before that write is stored after it, without
    /// holding the caller up, and then the number of changes it covers goes to <paramref name="covered"/> (they
    /// leave the state with its next write). A failed snapshot leaves the changes in place for a later one.
    /// </summary>
    public async Task WriteState(Orleans.Core.IStorage state, int changes, Func<TSnapshot> take, Action<int> covered)
    {
        var snapshot = _writing || changes < _threshold ? null : take();
        await state.WriteStateAsync();
        if (snapshot is not null)
        {
            _writing = true;
            _ = WriteSnapshot(snapshot, changes, covered);
        }
    }

    private async Task WriteSnapshot(TSnapshot snapshot, int changes, Action<int> covered)
    {
        try
        {
            store.State = snapshot;
            await store.WriteStateAsync();
            covered(changes);
            _threshold = Draw(every);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSnapshotFailed(logger, ex, owner);
            await TakeStoredVersion();
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// After a failed write, the stored snapshot's version: an earlier activation of the grain still finishing its
    /// last snapshot as this one started would otherwise leave every later snapshot refused as a version conflict,
    /// and the changes growing. Any later snapshot holds all this activation knows, so it may overwrite that one.
    /// </summary>
    private async Task TakeStoredVersion()
    {
        try
        {
            await store.ReadStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogVersionUnread(logger, ex, owner);
        }
    }

    private static int Draw(int every) => every + Random.Shared.Next(every / 2 + 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the snapshot of {Owner} failed; retried after a later write")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the stored snapshot version of {Owner} failed; its next snapshot may be refused too")]
    private static partial void LogVersionUnread(ILogger logger, Exception exception, string owner);
}
