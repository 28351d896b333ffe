using OrderActors.Complaints;

namespace OrderActors.Tests.Customers;

public sealed class ComplaintLifecycleTests
{
    // The expected table, written out apart from the implementation: (from, action) → to, or refused.
    private static readonly Dictionary<(ComplaintStatus, ComplaintAction), ComplaintStatus> Allowed = new()
    {
        [(ComplaintStatus.Open, ComplaintAction.Assign)] = ComplaintStatus.Open,
        [(ComplaintStatus.InProgress, ComplaintAction.Assign)] = ComplaintStatus.InProgress,
        [(ComplaintStatus.Resolved, ComplaintAction.Assign)] = ComplaintStatus.Resolved,
        [(ComplaintStatus.Open, ComplaintAction.Start)] = ComplaintStatus.InProgress,
        [(ComplaintStatus.Open, ComplaintAction.Resolve)] = ComplaintStatus.Resolved,
        [(ComplaintStatus.InProgress, ComplaintAction.Resolve)] = ComplaintStatus.Resolved,
        [(ComplaintStatus.Resolved, ComplaintAction.Close)] = ComplaintStatus.Closed,
        [(ComplaintStatus.Resolved, ComplaintAction.Reopen)] = ComplaintStatus.Open,
        [(ComplaintStatus.Closed, ComplaintAction.Reopen)] = ComplaintStatus.Open,
    };

    public static TheoryData<ComplaintStatus, ComplaintAction> EveryCell()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction>();
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var action in Enum.GetValues<ComplaintAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Every_transition_is_allowed_or_refused_as_the_table_says(ComplaintStatus from, ComplaintAction action)
    {
        Assert.Equal(Allowed.TryGetValue((from, action), out var to) ? to : null, ComplaintLifecycle.Next(from, action));
    }

    [Fact]
    public void Overdue_means_unresolved_past_the_due_time()
    {
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        var complaint = new ComplaintSnapshot
        {
            ComplaintId = "x", CustomerId = "c", Category = ComplaintCategory.Delivery, Priority = ComplaintPriority.High,
            Description = "late", Status = ComplaintStatus.InProgress, CreatedAt = now.AddDays(-2), DueAt = now.AddDays(-1), History = [], Version = 1,
        };

        Assert.True(complaint.IsOverdue(now));
        Assert.True(complaint.BreachedSla(now));
        Assert.False((complaint with { Status = ComplaintStatus.Resolved, ResolvedAt = now.AddDays(-1.5) }).BreachedSla(now));
        Assert.True((complaint with { Status = ComplaintStatus.Resolved, ResolvedAt = now.AddHours(-1) }).BreachedSla(now));
        Assert.False((complaint with { DueAt = now.AddHours(1) }).IsOverdue(now));
    }

    [Fact]
    public void Each_priority_has_its_own_time_to_resolve()
    {
        var sla = new ComplaintOptions();
        Assert.True(sla.SlaOf(ComplaintPriority.Urgent) < sla.SlaOf(ComplaintPriority.High));
        Assert.True(sla.SlaOf(ComplaintPriority.High) < sla.SlaOf(ComplaintPriority.Normal));
        Assert.True(sla.SlaOf(ComplaintPriority.Normal) < sla.SlaOf(ComplaintPriority.Low));
    }
}
