namespace OrderActors.Inventory;

public enum AdjustmentReason
{
    Damaged,
    Lost,
    Found,
    Other,
}
