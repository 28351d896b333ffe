namespace OrderActors.Complaints;

public enum ComplaintPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
