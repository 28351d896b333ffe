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
    private SnapshotSchedule<ReservationSnapshot>? _snapshots;

    private Task WriteBatched() => (_commit ??= new GroupCommit(() => _leases!.Write(async () =>
    {
        await State.Movements.Seal(GrainFactory);
        // The callers of this write are answered once it is done; a snapshot of the reservations follows on its own.
        await (_snapshots ??= new(reservations, ReservationBook.CompactAfter, logger, Sku))
            .WriteState(store, State.Reservations.Changes.Count, State.Reservations.Copy, State.Reservations.Compacted);
    }))).Write();

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
}
