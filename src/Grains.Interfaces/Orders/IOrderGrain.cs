namespace OrderActors.Orders;

[Alias("OrderActors.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    [Alias("Place")] Task<OrderResult> Place(PlaceOrder command);

    /// <summary>Place with the customer and SKUs already read and checked (by the order desk).</summary>
    [Alias("PlaceChecked")] Task<OrderResult> PlaceChecked(PlaceOrder command, PlacementFacts facts);

    [Alias("Get")] Task<OrderSnapshot?> Get();

    [Alias("Review")] Task<OrderResult> Review(ReviewDecision decision, string? reason, string actor);

    [Alias("ModifyLines")] Task<OrderResult> ModifyLines(IReadOnlyList<OrderLineRequest> lines, string actor);

    [Alias("Pick")] Task<OrderResult> Pick(string actor);

    [Alias("Pack")] Task<OrderResult> Pack(string actor);

    [Alias("Ship")] Task<OrderResult> Ship(ShipOrder command);

    [Alias("Deliver")] Task<OrderResult> Deliver(string actor);

    [Alias("Complete")] Task<OrderResult> Complete(string actor);

    [Alias("Cancel")] Task<OrderResult> Cancel(string? reason, string actor);

    [Alias("RecordPayment")] Task<OrderResult> RecordPayment(RecordPayment command);

    /// <summary>Issues the order's invoice (once), and credit notes for refunds made so far.</summary>
    [Alias("IssueInvoice")] Task<OrderResult> IssueInvoice(InvoiceRequest request, string actor);

    /// <summary>Pays money back, never more than paid minus refunded; returned goods may go back into stock.</summary>
    [Alias("RecordRefund")] Task<OrderResult> RecordRefund(RecordRefund command);

    /// <summary>Stock arrived for a backordered order: try to reserve it again.</summary>
    [Alias("RetryBackorder")] Task<OrderResult> RetryBackorder(string actor);
}
