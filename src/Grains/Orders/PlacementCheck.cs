using OrderActors.Common;
using OrderActors.Customers;
using OrderActors.Stock;

namespace OrderActors.Orders;

/// <summary>
/// The reads and checks before an order is placed, shared by the order desk (for new ids) and the order
/// grain (for ids fixed by an idempotency key): customer, SKUs, one currency, prices, review, shortage.
/// </summary>
public static class PlacementCheck
{
    /// <remarks>
    /// The customer's review flag and the SKUs are read through this silo's <see cref="ReadLeases"/>: a lent SKU's
    /// available stock is an upper bound (it may have been reserved since, never replenished), so a shortage seen in
    /// it is real, and the reservation decides the rest.
    /// </remarks>
    public static async Task<(PlacementFacts? Facts, Failure? Failure)> Gather(
        IGrainFactory grains, ReadLeases leases, string customerId, IReadOnlyList<OrderLineRequest> requested)
    {
        if (!WellFormed(requested))
        {
            return (null, Failure.Invalid("An order has 1 to 100 lines, each SKU once, each with a positive quantity."));
        }

        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var review = leases.Read(customer.GetGrainId(), customer.LeaseReviewFlag);
        var found = await Task.WhenAll(requested.Select(l => ReadSku(grains, leases, l.Sku)));
        if (await review is not { } requiresReview)
        {
            return (null, new Failure(ErrorCodes.UnknownCustomer, $"Customer '{customerId}' does not exist.", [customerId]));
        }

        var unknown = requested.Where((_, i) => found[i] is null).Select(l => l.Sku).ToList();
        if (unknown.Count > 0)
        {
            return (null, new Failure(ErrorCodes.UnknownSku, $"Unknown SKU: {string.Join(", ", unknown)}.", unknown));
        }

        var stock = found.Select(s => s!).ToList();
        return !OneCurrency(stock)
            ? (null, new Failure(ErrorCodes.CurrencyMismatch, "All lines of an order must be priced in one currency."))
            : (new PlacementFacts(stock, requiresReview), null);
    }

    /// <summary>
    /// The refusal <see cref="Gather"/> and <see cref="CertainShortage"/> would give, decided from what
    /// <paramref name="leases"/> holds alone (no call): null unless the customer's flag and every SKU are held and
    /// together show a certain shortage. The host co-hosting a silo refuses a flash sale's late attempts with it.
    /// </summary>
    public static Failure? HeldShortage(IGrainFactory grains, ReadLeases leases, OrderOptions options, PlaceOrder command)
    {
        var requested = command.Lines;
        if (command.OnShortage != ShortagePolicy.Reject || !WellFormed(requested))
        {
            return null;
        }

        var stock = new SkuSnapshot[requested.Count];
        for (var i = 0; i < requested.Count; i++)
        {
            if (!leases.TryHeld(grains.GetGrain<ISkuStockGrain>(requested[i].Sku).GetGrainId(), out SkuSnapshot? held) || held is null)
            {
                return null;
            }

            stock[i] = held;
        }

        // Most orders: a warehouse holds every line (the planner would find a candidate).
        if (OneWarehouseFillsAll(requested, stock) || !OneCurrency(stock)
            || !leases.TryHeld<bool?>(grains.GetGrain<ICustomerGrain>(command.CustomerId).GetGrainId(), out var requiresReview)
            || requiresReview is not { } review)
        {
            return null;
        }

        return CertainShortage(options, command, new PlacementFacts(stock, review), Price(requested, stock));
    }

    /// <summary>1 to 100 lines, each SKU once, each with a positive quantity.</summary>
    private static bool WellFormed(IReadOnlyList<OrderLineRequest> requested) =>
        requested.Count is >= 1 and <= 100 && requested.All(l => l.Quantity > 0)
        && requested.Select(l => l.Sku).Distinct(StringComparer.Ordinal).Count() == requested.Count;

    private static bool OneCurrency(IReadOnlyList<SkuSnapshot> stock) =>
        stock.Select(s => s.Catalog.Currency).Distinct(StringComparer.Ordinal).Count() == 1;

    /// <remarks>A warehouse that fills every line fills the first, so only the first SKU's warehouses are tried.</remarks>
    private static bool OneWarehouseFillsAll(IReadOnlyList<OrderLineRequest> requested, SkuSnapshot[] stock)
    {
        foreach (var level in stock[0].Stock.Warehouses)
        {
            var fills = true;
            for (var i = 0; i < requested.Count && fills; i++)
            {
                fills = WarehousePlanner.Available(stock[i], level.Warehouse) >= requested[i].Quantity;
            }

            if (fills)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<SkuSnapshot?> ReadSku(IGrainFactory grains, ReadLeases leases, string sku)
    {
        var stock = grains.GetGrain<ISkuStockGrain>(sku);
        return leases.Read(stock.GetGrainId(), stock.Lease, s => s.Version);
    }

    /// <summary>The requested lines at the prices of the SKUs read (in the same order).</summary>
    public static List<OrderLine> Price(IReadOnlyList<OrderLineRequest> requested, IReadOnlyList<SkuSnapshot> stock) =>
        requested.Select((l, i) => new OrderLine(l.Sku, stock[i].Catalog.Name, l.Quantity, stock[i].Catalog.UnitPrice,
            stock[i].Catalog.TaxRate, OrderPricing.LineTotal(stock[i].Catalog.UnitPrice, l.Quantity)) { UnitCost = stock[i].Catalog.UnitCost }).ToList();

    /// <summary>
    /// An auto-approved order that rejects shortages, when the stock just read already shows no warehouse can
    /// fill it: refused without reserving or writing anything. A flash sale's late attempts then cost reads only.
    /// </summary>
    public static Failure? CertainShortage(OrderOptions options, PlaceOrder command, PlacementFacts facts, IReadOnlyList<OrderLine> lines)
    {
        if (command.OnShortage != ShortagePolicy.Reject
            || ReviewRules.ManualReviewReason(options, lines, OrderPricing.Subtotal(lines), facts.CustomerRequiresReview) is not null
            || WarehousePlanner.Plan(lines, facts.Stock) is not { Candidates.Count: 0, ShortSkus: var shortSkus })
        {
            return null;
        }

        return Shortage(shortSkus);
    }

    public static Failure Shortage(IReadOnlyList<string> shortSkus) =>
        new(ErrorCodes.OutOfStock, $"Not enough stock in any one warehouse for: {string.Join(", ", shortSkus)}.", shortSkus);
}
