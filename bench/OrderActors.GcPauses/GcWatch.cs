using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace OrderActors.GcPauses;

/// <summary>Listens to a running .NET process's GC events for a while and returns each pause it saw.</summary>
public static class GcWatch
{
    /// <summary>
    /// The pauses of process <paramref name="pid"/> over <paramref name="length"/>: from the runtime suspending its threads
    /// for a collection to resuming them. A background collection of the second generation stops the process briefly,
    /// twice, and each stop counts.
    /// </summary>
    public static async Task<List<Pause>> Watch(int pid, TimeSpan length, CancellationToken cancellationToken = default)
    {
        var gc = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession([gc], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var pauses = new List<Pause>();
        double? suspendedAt = null;
        var generation = -1;
        long promoted = 0;
        source.Clr.GCSuspendEEStart += e => suspendedAt = e.TimeStampRelativeMSec;
        source.Clr.GCStart += e => generation = e.Depth;
        source.Clr.GCHeapStats += e => promoted = e.TotalPromotedSize0 + e.TotalPromotedSize1;
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspendedAt is { } at)
            {
                pauses.Add(new Pause(generation, e.TimeStampRelativeMSec - at, promoted));
            }

            suspendedAt = null;
        };
        var processing = Task.Run(source.Process, CancellationToken.None);
        await Task.Delay(length, cancellationToken);
        await session.StopAsync(CancellationToken.None);
        // The events are handled on the processing task; once it has ended, the list is complete and no longer changes.
        await processing;
        return pauses;
    }
}
