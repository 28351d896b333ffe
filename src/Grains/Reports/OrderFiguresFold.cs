using OrderActors.Orders;

namespace OrderActors.Reports;

/// <summary>How one order event changes a period's figures.</summary>
public static class OrderFiguresFold
{
    public static void Apply(OrderFigures figures, OrderStatusChanged evt)
    {
        if (evt.PreviousStatus is null)
        {
            figures.Placed++;
            figures.PlacedAmount += evt.Total;
        }

        switch (evt.Status)
        {
            case OrderStatus.Confirmed:
                figures.Confirmed++;
                figures.ConfirmedAmount += evt.Total;
                break;
            case OrderStatus.Shipped:
                figures.Shipped++;
                figures.ShippedAmount += evt.Total;
                break;
            case OrderStatus.Completed:
                figures.Completed++;
                figures.CompletedAmount += evt.Total;
                break;
            case OrderStatus.Cancelled:
                figures.Cancelled++;
                figures.CancelledAmount += evt.Total;
                break;
        }
    }
}
