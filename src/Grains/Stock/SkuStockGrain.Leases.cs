using Microsoft.Extensions.Logging;
using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>
/// The SKU's figures lent to silos' placement caches (<see cref="ReadLeases"/>): a reservation only lowers available
/// stock, so the caches hold an upper bound; whatever raises it, or changes the catalog, revokes the leases first.
/// </summary>
public sealed partial class SkuStockGrain
{
    private ReadLeaseGrants? _leases;
    private Task? _widening;

    public Task<Leased<SkuSnapshot>> Lease(IReadLeaseHolder? holder)
    {
        if (State.Catalog is null)
        {
            return Task.FromResult(new Leased<SkuSnapshot>(null, TimeSpan.Zero));
        }

        if (holder is not null && _widening is null or { IsCompleted: true } && _leases!.WindowToStore() is not null)
        {
            // Lent only within a stored window: widen it with a write (the next writes carry it anyway).
            _widening = WidenLendingWindow();
        }

        return Task.FromResult(new Leased<SkuSnapshot>(Snapshot(), _leases!.Lend(holder)));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_leases is { } leases && await leases.Leave(this.GetGrainId(), WriteBatched) is { } failure)
        {
            LogClosingFailed(logger, failure, Sku);
        }
    }

    private async Task WidenLendingWindow()
    {
        try
        {
            await WriteBatched();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWideningFailed(logger, ex, Sku);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SKU {Sku}: storing a wider lending window failed; its figures are read without leases meanwhile")]
    private static partial void LogWideningFailed(ILogger logger, Exception exception, string sku);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SKU {Sku}: storing a closed lending window on deactivation failed; its next activation waits for the open one")]
    private static partial void LogClosingFailed(ILogger logger, Exception exception, string sku);

    /// <summary>
    /// Before stock becomes available or the catalog changes: the figures lent to placements' caches are an upper
    /// bound on available stock that a refusal trusts, so the leases are revoked first. Dispose once applied.
    /// </summary>
    private Task<IDisposable> ChangingLentFigures() => _leases!.Change(this.GetGrainId());

    private async Task<T> AfterRevokingLeases<T>(Func<Task<T>> change)
    {
        using (await ChangingLentFigures())
        {
            return await change();
        }
    }
}
