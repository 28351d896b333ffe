namespace OrderActors.Complaints;

/// <summary>open → inProgress → resolved → closed, reopenable; assignment in any status but closed.</summary>
public static class ComplaintLifecycle
{
    /// <returns>The status after the action, or null when the action is refused from <paramref name="from"/>.</returns>
    public static ComplaintStatus? Next(ComplaintStatus from, ComplaintAction action) => (action, from) switch
    {
        (ComplaintAction.Assign, not ComplaintStatus.Closed) => from,
        (ComplaintAction.Start, ComplaintStatus.Open) => ComplaintStatus.InProgress,
        (ComplaintAction.Resolve, ComplaintStatus.Open or ComplaintStatus.InProgress) => ComplaintStatus.Resolved,
        (ComplaintAction.Close, ComplaintStatus.Resolved) => ComplaintStatus.Closed,
        (ComplaintAction.Reopen, ComplaintStatus.Resolved or ComplaintStatus.Closed) => ComplaintStatus.Open,
        _ => null,
    };

    /// <summary>The status an action leads to, when repeating it should answer the complaint as it is.</summary>
    public static bool IsRepeat(ComplaintStatus current, ComplaintAction action) => (action, current) switch
    {
        (ComplaintAction.Start, ComplaintStatus.InProgress) => true,
        (ComplaintAction.Resolve, ComplaintStatus.Resolved) => true,
        (ComplaintAction.Close, ComplaintStatus.Closed) => true,
        _ => false,
    };
}
