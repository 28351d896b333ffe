namespace OrderActors.Stock;

[GenerateSerializer, Alias("OrderActors.SkuStockState")]
public sealed class SkuStockState
{
    [Id(0)] public SkuCatalog? Catalog { get; set; }
    [Id(1)] public Dictionary<string, WarehouseLevel> Warehouses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reserved quantities by order id: at most one reservation per order (the changes since its snapshot).</summary>
    [Id(13)] public ReservationBook Reservations { get; set; } = new();

    /// <summary>Every reservation, as builds before 2026-11-28 stored them; moved into <see cref="Reservations"/> on activation.</summary>
    [Id(2)] public Dictionary<string, Reservation> EarlierReservations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Backordered orders waiting for this SKU, in arrival order.</summary>
    [Id(3)] public List<string> Waiting { get; set; } = [];

    /// <summary>A shortage notice went to operations and no receipt has answered it yet.</summary>
    [Id(4)] public bool ShortageRaised { get; set; }
    [Id(5)] public int Version { get; set; }

    /// <summary>Until when this SKU may lend its figures to silos' caches (<see cref="Common.ReadLeaseGrants"/>).</summary>
    [Id(14)] public DateTimeOffset LendingUntil { get; set; }

    /// <summary>Every movement, written with the change it records (and published from there).</summary>
    [Id(12)] public SkuMovementLog Movements { get; set; } = new();

    [Id(7)] public long MovementSequence { get; set; }

    /// <summary>Ids of recent adjustments, transfers and count corrections, so a repeated call applies once.</summary>
    [Id(8)] public List<string> AppliedOperations { get; set; } = [];

    /// <summary>Units reserved per day over the last weeks: the demand behind reorder suggestions.</summary>
    [Id(9)] public Dictionary<DateOnly, int> DailyDemand { get; set; } = [];

    [Id(10)] public Inventory.LowStockAlert? Alert { get; set; }

    /// <summary>Inventory postings (receipts, adjustments, counts) not yet known to be in the ledger.</summary>
    [Id(11)] public List<Ledger.JournalEntry> LedgerOutbox { get; set; } = [];

    /// <summary>Alerts raised or cleared, oldest first, not yet known to be in the inventory registry.</summary>
    [Id(15)] public List<Inventory.LowStockAlert> AlertOutbox { get; set; } = [];

    /// <summary>Shortage and replenishment notices, oldest first, not yet known to be on operations' board.</summary>
    [Id(16)] public List<Common.Notification> NoticeOutbox { get; set; } = [];

    public StockLevels Levels()
    {
        var warehouses = Warehouses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new WarehouseStock(w.Key, w.Value.OnHand, w.Value.Reserved)).ToList();
        return new StockLevels(warehouses.Sum(w => w.OnHand), warehouses.Sum(w => w.Reserved), warehouses);
    }
}
