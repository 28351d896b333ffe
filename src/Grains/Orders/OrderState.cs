namespace OrderActors.Orders;

[GenerateSerializer, Alias("OrderActors.OrderState")]
public sealed class OrderState
{
    /// <summary>False until placement has an outcome; a refused placement leaves no order behind.</summary>
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string CustomerId { get; set; } = "";
    [Id(2)] public Channel Channel { get; set; }
    [Id(3)] public OrderStatus Status { get; set; }
    [Id(4)] public PaymentTerms PaymentTerms { get; set; }
    [Id(5)] public ShortagePolicy OnShortage { get; set; }
    [Id(6)] public string Currency { get; set; } = "CNY";
    [Id(7)] public List<OrderLine> Lines { get; set; } = [];
    [Id(8)] public List<PaymentRecord> Payments { get; set; } = [];
    [Id(9)] public List<RefundRecord> Refunds { get; set; } = [];
    [Id(10)] public List<InvoiceRecord> Invoices { get; set; } = [];
    [Id(11)] public List<StatusEntry> History { get; set; } = [];
    [Id(12)] public string? Warehouse { get; set; }
    [Id(13)] public Shipment? Shipment { get; set; }
    [Id(14)] public ShippingAddress? ShippingAddress { get; set; }
    [Id(15)] public InvoiceRequest? InvoiceRequest { get; set; }
    [Id(16)] public DateTimeOffset CreatedAt { get; set; }
    [Id(17)] public int Version { get; set; }
    [Id(18)] public PendingStockWork Pending { get; set; }
    [Id(19)] public ShipOrder? PendingShipment { get; set; }

    /// <summary>Events not yet known to be published; republished on activation (consumers dedupe by id).</summary>
    [Id(20)] public List<OrderStatusChanged> Outbox { get; set; } = [];

    /// <summary>A refund whose returned goods are not yet known to be back in stock (finished on activation).</summary>
    [Id(21)] public RefundRecord? PendingRestock { get; set; }

    /// <summary>Journal entries recorded with this state and not yet known to be posted to the ledger.</summary>
    [Id(22)] public List<Ledger.JournalEntry> LedgerOutbox { get; set; } = [];

    public decimal Total => OrderPricing.Subtotal(Lines);

    public decimal AmountPaid => Payments.Sum(p => p.Amount);

    public decimal AmountRefunded => Refunds.Sum(r => r.Amount);

    public decimal BalanceDue => Status == OrderStatus.Cancelled ? 0m : Math.Max(0m, Total - AmountPaid);

    public bool IsPaidInFull => AmountPaid >= Total;

    public PaymentStatus PaymentStatus
    {
        get
        {
            var paid = AmountPaid;
            var refunded = AmountRefunded;
            if (refunded > 0)
            {
                return refunded >= paid ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            }

            return paid == 0 ? PaymentStatus.Unpaid : paid < Total ? PaymentStatus.PartiallyPaid : PaymentStatus.Paid;
        }
    }

    public OrderSnapshot ToSnapshot(string orderId) => new()
    {
        OrderId = orderId,
        CustomerId = CustomerId,
        Channel = Channel,
        Status = Status,
        PaymentTerms = PaymentTerms,
        OnShortage = OnShortage,
        PaymentStatus = PaymentStatus,
        Currency = Currency,
        Lines = [.. Lines],
        Subtotal = OrderPricing.Subtotal(Lines),
        Tax = OrderPricing.Tax(Lines),
        Total = Total,
        AmountPaid = AmountPaid,
        AmountRefunded = AmountRefunded,
        BalanceDue = BalanceDue,
        Warehouse = Warehouse,
        Shipment = Shipment,
        Invoices = [.. Invoices],
        Payments = [.. Payments],
        Refunds = [.. Refunds],
        History = [.. History],
        ShippingAddress = ShippingAddress,
        InvoiceRequest = InvoiceRequest,
        CreatedAt = CreatedAt,
        Version = Version,
    };
}
