namespace OrderActors.Complaints;

public enum ComplaintAction
{
    Assign,
    Start,
    Resolve,
    Close,
    Reopen,
}
