namespace OrderActors.Inventory;

public enum MovementKind
{
    Receipt,
    Reservation,
    Release,
    Shipment,
    Return,
    Adjustment,
    TransferOut,
    TransferIn,
    CountCorrection,
}
