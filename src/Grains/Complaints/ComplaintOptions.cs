namespace OrderActors.Complaints;

/// <summary>Time to resolve per priority (configuration section <c>Complaints:Sla</c>).</summary>
public sealed class ComplaintOptions
{
    public TimeSpan Low { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan Normal { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan High { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan Urgent { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan SlaOf(ComplaintPriority priority) => priority switch
    {
        ComplaintPriority.Low => Low,
        ComplaintPriority.High => High,
        ComplaintPriority.Urgent => Urgent,
        _ => Normal,
    };
}
