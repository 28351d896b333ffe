using System.Diagnostics;
using System.Globalization;

namespace OrderActors.Bench;

/// <summary>
/// CPU used over a stretch of a run: the whole machine's (busy time from /proc/stat, every process and the
/// kernel) and this load generator's own. The load generator's work per request does not change over a run, so
/// its CPU per request is a probe of the machine's own speed: on a shared virtual machine it rises when the
/// host is busy, and every process's cost per order with it.
/// </summary>
public sealed class CpuMeter
{
    // /proc/stat counts in USER_HZ, which Linux fixes at 100 for user space.
    private const double TicksPerSecond = 100;

    // Of "cpu user nice system idle iowait irq softirq steal …": every field but idle and iowait.
    private static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    private readonly double _machineStart = MachineBusySeconds();
    private readonly TimeSpan _clientStart = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Milliseconds of CPU per operation since this meter started: the machine's (null where /proc/stat is missing) and the load generator's.</summary>
    public (double? Machine, double Client) MillisecondsPer(int operations)
    {
        var machine = MachineBusySeconds() - _machineStart;
        var client = (Process.GetCurrentProcess().TotalProcessorTime - _clientStart).TotalSeconds;
        return (double.IsNaN(machine) ? null : Math.Round(machine * 1000 / operations, 2), Math.Round(client * 1000 / operations, 3));
    }

    /// <summary>Seconds of CPU the machine spent busy since boot, all cores (user, nice, system, irq, softirq, steal).</summary>
    private static double MachineBusySeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = BusyFields.Where(i => i < fields.Length).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            return ticks / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
