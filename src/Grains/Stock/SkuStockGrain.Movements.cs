using Microsoft.Extensions.Logging;
using OrderActors.Common;
using OrderActors.Inventory;
using Orleans.Runtime;

namespace OrderActors.Stock;

public sealed partial class SkuStockGrain
{
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(200);
    private IGrainTimer? _flush;
    private bool _delivering;
    private bool _posting;
    private readonly Backoff _ledgerBackoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    private DateTimeOffset _ledgerRetryAt;

    /// <summary>Applies one movement to a warehouse and records it; persisted with the state by <see cref="Commit"/>.</summary>
    private void Move(string warehouse, MovementKind kind, int onHandDelta, int reservedDelta, string actor, string? reference)
    {
        if (!State.Warehouses.TryGetValue(warehouse, out var level))
        {
            State.Warehouses[warehouse] = level = new WarehouseLevel();
        }

        level.OnHand += onHandDelta;
        level.Reserved += reservedDelta;
        State.Version++;
        State.MovementSequence++;
        var movement = new StockMovement($"{Sku}:{State.MovementSequence}", Sku, warehouse, kind, onHandDelta, reservedDelta,
            time.GetUtcNow(), actor, reference);
        State.Movements.Add(movement);

        // Shipments and returns belong to orders, which post them; these are the SKU's own.
        if (kind is MovementKind.Receipt or MovementKind.Adjustment or MovementKind.CountCorrection)
        {
            State.LedgerOutbox.Add(Ledger.PostingRules.StockChange(accounts.Value, Sku, movement.MovementId,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()), onHandDelta, State.Catalog?.UnitCost ?? 0m, movement.At));
        }
    }

    /// <summary>
    /// Persists the change with its movements and any alert it raises or clears, then passes the alert on. Movements
    /// are published in batches a moment later, off the caller's path; the persisted log covers a crash.
    /// </summary>
    private async Task Commit()
    {
        if (EvaluateAlert() is { } alert)
        {
            State.AlertOutbox.Add(alert);
        }

        await WriteBatched();
        await Deliver();
        await PostLedger();

        if (State.Movements.PublishedThrough < State.MovementSequence)
        {
            StartFlushing();
        }
    }

    /// <summary>
    /// Passes stored alerts to the inventory registry (and the alert stream) and stored notices to operations' board,
    /// oldest first. The change they come from is already written, so nothing here fails its caller (who would send
    /// a receipt again): what cannot be delivered now (its receiver's silo just died) waits in the outboxes for the
    /// flush timer. Both receivers keep one of each (by SKU, by notice id), so a crash before the outboxes' next write
    /// delivers the same ones again, harmlessly.
    /// </summary>
    private async Task Deliver()
    {
        if (_delivering || !Undelivered)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (State.AlertOutbox.Count > 0)
            {
                var alert = State.AlertOutbox[0];
                await GrainFactory.GetGrain<IInventoryRegistryGrain>(0).SetAlert(alert);
                State.AlertOutbox.RemoveAt(0);
                await TryPublish(StreamNames.StockAlerts, Sku, alert);
            }

            while (State.NoticeOutbox.Count > 0)
            {
                await Notices.Post(State.NoticeOutbox[0]);
                State.NoticeOutbox.RemoveAt(0);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogDeliveryFailed(logger, ex, Sku, State.AlertOutbox.Count, State.NoticeOutbox.Count);
            StartFlushing();
        }
        finally
        {
            _delivering = false;
        }
    }

    private bool Undelivered => State.AlertOutbox.Count > 0 || State.NoticeOutbox.Count > 0;

    private void StartFlushing() =>
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushDelay, FlushDelay) { KeepAlive = true });

    /// <summary>
    /// Posts the stored inventory postings to the ledger. Like alerts and notices, a failure never fails the caller:
    /// the postings wait in the outbox, and the flush timer tries again after 1 s, doubling up to 30 s while the
    /// ledger stays unreachable (changes in between leave it to the timer rather than each wait for a failing call).
    /// Posted entries leave the outbox with the next write; a crash before it posts them again, and a ledger shard
    /// keeps each entry once.
    /// </summary>
    private async Task PostLedger()
    {
        if (_posting || State.LedgerOutbox.Count == 0 || time.GetUtcNow() < _ledgerRetryAt)
        {
            return;
        }

        _posting = true;
        try
        {
            var posted = await Ledger.LedgerPosting.PostAll(GrainFactory, State.LedgerOutbox);
            State.LedgerOutbox.RemoveAll(e => posted.Contains(e.EntryId));
            _ledgerBackoff.Reset();
            _ledgerRetryAt = default;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var wait = _ledgerBackoff.Next();
            _ledgerRetryAt = time.GetUtcNow() + wait;
            LogLedgerPostFailed(logger, ex, Sku, State.LedgerOutbox.Count, wait);
            StartFlushing();
        }
        finally
        {
            _posting = false;
        }
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        await PublishMovements();
        await Deliver();
        await PostLedger();
        if (State.Movements.PublishedThrough >= State.MovementSequence && !Undelivered && State.LedgerOutbox.Count == 0)
        {
            _flush?.Dispose();
            _flush = null;
        }
    }

    private async Task PublishMovements()
    {
        // In memory only: the published mark is stored with the next write, and a crash before it means
        // a republish of the same movements (same ids).
        var unpublished = State.Movements.Unpublished();
        if (unpublished.Count == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IMovementRelayGrain>(0).Publish(new MovementBatch(unpublished));
            State.Movements.PublishedThrough = Math.Max(State.Movements.PublishedThrough, SkuMovementLog.SequenceOf(unpublished[^1]));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(logger, ex, StreamNames.StockMovements, Sku);
        }
    }

    private async Task<bool> TryPublish<T>(string streamNamespace, string key, T item)
    {
        try
        {
            await this.GetStreamProvider(StreamNames.Provider).GetStream<T>(StreamId.Create(streamNamespace, key)).OnNextAsync(item);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(logger, ex, streamNamespace, key);
            return false;
        }
    }

    /// <summary>One alert per crossing below the threshold, cleared when available stock recovers.</summary>
    private LowStockAlert? EvaluateAlert()
    {
        var threshold = State.Catalog?.LowStockThreshold ?? 0;
        var available = State.Levels().Available;
        var now = time.GetUtcNow();
        if (State.Alert is null && threshold > 0 && available < threshold)
        {
            var window = Math.Max(1, inventory.Value.DemandWindowDays);
            var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-window);
            foreach (var stale in State.DailyDemand.Keys.Where(d => d <= since).ToList())
            {
                State.DailyDemand.Remove(stale);
            }

            var daily = Math.Round((decimal)State.DailyDemand.Values.Sum() / window, 2);
            var suggested = Math.Max(1, (int)Math.Ceiling(daily * inventory.Value.LeadTimeDays) + threshold - available);
            State.Alert = new LowStockAlert(Sku, available, threshold, suggested, daily, now);
            return State.Alert;
        }

        if (State.Alert is { } open && available >= threshold)
        {
            State.Alert = null;
            return open with { Available = available, ClearedAt = now };
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SKU {Sku}: passing on its alerts and notices failed ({Alerts} alerts and {Notices} notices wait); retried later")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string sku, int alerts, int notices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SKU {Sku}: posting to the ledger failed ({Entries} entries wait); retried in {RetryIn}")]
    private static partial void LogLedgerPostFailed(ILogger logger, Exception exception, string sku, int entries, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to {Namespace}/{Key} failed; retried later")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string @namespace, string key);
}
