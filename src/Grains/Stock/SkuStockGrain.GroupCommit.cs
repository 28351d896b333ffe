using Microsoft.Extensions.Logging;
using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>
/// Group commit: the SKU grain is the serialization point of a flash sale, so it does not wait for one
/// state write per reservation. Calls mutate the state in their own turn (check-and-reserve stays atomic:
/// no await between the check and the change), then wait for the next write (<see cref="GroupCommit"/>);
/// full pages of the movement log are sealed just before each write.
/// </summary>
public sealed partial class SkuStockGrain
{
    private GroupCommit? _commit;
    private bool _compacting;

    private Task WriteBatched() => (_commit ??= new GroupCommit(async () =>
    {
        await State.Movements.Seal(GrainFactory);
        var compaction = _compacting ? null : State.Reservations.Capture();
        await store.WriteStateAsync();
        if (compaction is not null)
        {
            // The callers of this write are answered now; the snapshot follows on its own.
            _compacting = true;
            _ = Compact(compaction);
        }
    })).Write();

    /// <summary>Builds the reservation book from its snapshot and the stored changes; an earlier build's whole set joins it as changes.</summary>
    private void LoadReservations()
    {
        State.Reservations.Load(reservations.State.Open);
        foreach (var (orderId, reservation) in State.EarlierReservations)
        {
            if (!State.Reservations.ContainsKey(orderId))
            {
                State.Reservations.Set(orderId, reservation);
            }
        }

        State.EarlierReservations.Clear();
    }

    /// <summary>
    /// Stores the reservations as they were at a stored write, then drops the changes that write covered (the
    /// next write stores the shorter list). A failure leaves the changes in place for a later compaction.
    /// </summary>
    private async Task Compact(ReservationBook.Compaction compaction)
    {
        try
        {
            reservations.State = new ReservationSnapshot { Open = compaction.Open };
            await reservations.WriteStateAsync();
            State.Reservations.Compacted(compaction);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCompactionFailed(logger, ex, Sku);
        }
        finally
        {
            _compacting = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the reservations of {Sku} failed; retried after a later write")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception, string sku);
}
