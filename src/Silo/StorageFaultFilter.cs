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
    public Task Invoke(IIncomingGrainCallContext context)
    {
        // A call that completes at once (a read answered from memory) passes without an async frame of its own.
        Task call;
        try
        {
            call = context.Invoke();
        }
        catch (Exception ex)
        {
            return Task.FromException(Fault(context, ex));
        }

        return call.IsCompletedSuccessfully ? Task.CompletedTask : Awaited(context, call);
    }

    private static async Task Awaited(IIncomingGrainCallContext context, Task call)
    {
        try
        {
            await call;
        }
        catch (Exception ex)
        {
            var fault = Fault(context, ex);
            if (fault == ex)
            {
                throw;
            }

            throw fault;
        }
    }

    /// <summary>Deactivates the grain; the exception for the caller (a storage fault as an <see cref="OrleansException"/>).</summary>
    private static Exception Fault(IIncomingGrainCallContext context, Exception ex)
    {
        context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, "a call failed; state reloads on the next call"));
        return StorageFault(ex) is { } fault ? new OrleansException($"Storage unavailable: {fault.Message}") : ex;
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
