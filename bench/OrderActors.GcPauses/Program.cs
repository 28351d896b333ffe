using System.Globalization;
using OrderActors.GcPauses;

// The garbage collector's pauses in running .NET processes, from the runtime's own GC events (EventPipe): for each
// process, its collections by generation, how long the process stood still for each (from suspending its threads to
// resuming them), and what each ephemeral collection promoted. Watches every process for the same seconds.
//   dotnet OrderActors.GcPauses.dll <seconds> <name>=<pid> [<name>=<pid> ...]
if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
{
    Console.Error.WriteLine("usage: OrderActors.GcPauses <seconds> <name>=<pid> [<name>=<pid> ...]");
    return 2;
}

var targets = new List<(string Name, int Pid)>();
foreach (var arg in args.Skip(1))
{
    var parts = arg.Split('=', 2);
    if (parts.Length != 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
    {
        Console.Error.WriteLine($"not <name>=<pid>: {arg}");
        return 2;
    }

    targets.Add((parts[0], pid));
}

var watches = await Task.WhenAll(targets.Select(t => GcWatch.Watch(t.Pid, TimeSpan.FromSeconds(seconds))));
Console.WriteLine($"GC pauses over {seconds} s:");
foreach (var (target, pauses) in targets.Zip(watches))
{
    Console.WriteLine(PauseSummary.Describe(target.Name, pauses, seconds));
}

return 0;
