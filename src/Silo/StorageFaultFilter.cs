using System.Data.Common;

namespace OrderActors.Silo;

/// <summary>
/// What happens when a grain call fails with an exception (business refusals are values, so an exception
/// is a fault): the grain is deactivated, because its memory may now hold changes its storage does not,
/// and the next call starts from what was persisted (finishing any intent it recorded). Storage faults
/// leave as an OrleansException: driver exceptions cannot cross the wire, and callers only need to
/// know that the request may be retried.
/// </summary>
public sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, "a call failed; state reloads on the next call"));
            if (StorageFault(ex) is { } fault)
            {
                throw new OrleansException($"Storage unavailable: {fault.Message}");
            }

            throw;
        }
    }

    private static Exception? StorageFault(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return e;
            }
        }

        return null;
    }
}
