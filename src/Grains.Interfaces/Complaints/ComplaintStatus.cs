namespace OrderActors.Complaints;

public enum ComplaintStatus
{
    Open,
    InProgress,
    Resolved,
    Closed,
}
