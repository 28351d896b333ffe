namespace OrderActors.Reports;

/// <summary>Counts and amounts of order events in one period, overall or for one channel.</summary>
[GenerateSerializer, Alias("OrderActors.OrderFigures")]
public sealed class OrderFigures
{
    [Id(0)] public int Placed { get; set; }
    [Id(1)] public decimal PlacedAmount { get; set; }
    [Id(2)] public int Confirmed { get; set; }
    [Id(3)] public decimal ConfirmedAmount { get; set; }
    [Id(4)] public int Shipped { get; set; }
    [Id(5)] public decimal ShippedAmount { get; set; }
    [Id(6)] public int Completed { get; set; }
    [Id(7)] public decimal CompletedAmount { get; set; }
    [Id(8)] public int Cancelled { get; set; }
    [Id(9)] public decimal CancelledAmount { get; set; }

    public void Add(OrderFigures other)
    {
        Placed += other.Placed;
        PlacedAmount += other.PlacedAmount;
        Confirmed += other.Confirmed;
        ConfirmedAmount += other.ConfirmedAmount;
        Shipped += other.Shipped;
        ShippedAmount += other.ShippedAmount;
        Completed += other.Completed;
        CompletedAmount += other.CompletedAmount;
        Cancelled += other.Cancelled;
        CancelledAmount += other.CancelledAmount;
    }
}
