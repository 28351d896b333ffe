using System.Collections.Concurrent;
using OrderActors.Common;
using OrderActors.Inventory;
using OrderActors.Ledger;

namespace OrderActors.Tests;

/// <summary>
/// Makes the inventory registry, operations' notice board and the ledger unreachable for one SKU's alerts, notices and
/// postings (or one order's postings), as when the silo holding them has just died: each such call fails before it
/// reaches the grain. Scoped to a SKU or order so that tests sharing the cluster go on unaffected.
/// </summary>
public sealed class UnreachableReceivers : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Skus = new(StringComparer.Ordinal);

    /// <summary>Calls carrying the alerts, notices or postings of <paramref name="sku"/> (a SKU or an order id) fail until the result is disposed.</summary>
    public static IDisposable For(string sku)
    {
        Skus[sku] = 0;
        return new Restore(sku);
    }

    /// <summary>How many calls were refused for <paramref name="sku"/>.</summary>
    public static int Refused(string sku) => Skus.GetValueOrDefault(sku);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var sku = context.Request.GetArgumentCount() == 1 ? context.Request.GetArgument(0) switch
        {
            LowStockAlert alert => alert.Sku,
            Notification notice => notice.Sku,
            IReadOnlyList<JournalEntry> entries when entries.Count > 0 => entries[0].OrderId ?? entries[0].Sku,
            _ => null,
        } : null;
        if (sku is not null && Skus.TryGetValue(sku, out var refused))
        {
            Skus[sku] = refused + 1;
            throw new TimeoutException($"{context.InterfaceMethod?.Name} for {sku}: unreachable (injected by the test)");
        }

        return context.Invoke();
    }

    private sealed class Restore(string sku) : IDisposable
    {
        public void Dispose() => Skus.TryRemove(sku, out _);
    }
}
