using Microsoft.Extensions.Options;
using OrderActors.Common;

namespace OrderActors.Complaints;

/// <summary>One complaint, from filing to closure, with every change in its history.</summary>
[GrainType("complaint")]
public sealed class ComplaintGrain(
    [PersistentState("complaint", StorageNames.Customers)] IPersistentState<ComplaintState> store,
    IOptions<ComplaintOptions> options,
    TimeProvider time) : Grain, IComplaintGrain
{
    private ComplaintSnapshot? Complaint => store.State.Complaint;

    public async Task<ComplaintResult> File(FileComplaint command)
    {
        if (Complaint is not null)
        {
            return new ComplaintResult(Complaint, null, Created: true);
        }

        var now = time.GetUtcNow();
        store.State.Complaint = new ComplaintSnapshot
        {
            ComplaintId = this.GetPrimaryKeyString(),
            CustomerId = command.CustomerId,
            OrderId = command.OrderId,
            Category = command.Category,
            Priority = command.Priority,
            Description = command.Description,
            Status = ComplaintStatus.Open,
            CreatedAt = now,
            DueAt = now + options.Value.SlaOf(command.Priority),
            History = [new ComplaintEvent(now, command.Actor, "file", ComplaintStatus.Open, null, null)],
            Version = 1,
        };
        await Save();
        return new ComplaintResult(Complaint, null, Created: true);
    }

    public Task<ComplaintSnapshot?> Get() => Task.FromResult(Complaint);

    public async Task<ComplaintResult> Act(ComplaintAction action, string? assignee, string? note, string actor)
    {
        if (Complaint is not { } complaint)
        {
            return new ComplaintResult(null, Failure.NotFound("Complaint"));
        }

        if (ComplaintLifecycle.IsRepeat(complaint.Status, action))
        {
            return new ComplaintResult(complaint, null);
        }

        if (ComplaintLifecycle.Next(complaint.Status, action) is not { } next)
        {
            var status = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(complaint.Status.ToString());
            return new ComplaintResult(null, new Failure(ErrorCodes.InvalidTransition,
                $"Cannot {action.ToString().ToLowerInvariant()} a complaint in status '{status}'.", CurrentStatus: status));
        }

        var now = time.GetUtcNow();
        store.State.Complaint = complaint with
        {
            Status = next,
            Assignee = action == ComplaintAction.Assign ? assignee : complaint.Assignee,
            ResolvedAt = next == ComplaintStatus.Resolved ? now : next == ComplaintStatus.Open ? null : complaint.ResolvedAt,
            ClosedAt = next == ComplaintStatus.Closed ? now : next == ComplaintStatus.Open ? null : complaint.ClosedAt,
            Resolution = action == ComplaintAction.Resolve ? note : complaint.Resolution,
            // A reopened complaint gets a fresh time to resolve.
            DueAt = action == ComplaintAction.Reopen ? now + options.Value.SlaOf(complaint.Priority) : complaint.DueAt,
            History = [.. complaint.History, new ComplaintEvent(now, actor, action.ToString().ToLowerInvariant(), next, assignee, note)],
            Version = complaint.Version + 1,
        };
        await Save();
        return new ComplaintResult(Complaint, null);
    }

    private async Task Save()
    {
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<IComplaintIndexGrain>(0).Update(Complaint!);
    }
}
