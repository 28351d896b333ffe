using System.Globalization;

namespace OrderActors.Bench;

/// <summary>
/// The server processes of a system on this machine, found by pieces of their command line (alternatives
/// separated by '|'), and their working sets (VmRSS) read from /proc: the silos' memory for the scale workload.
/// </summary>
public sealed class ServerProcesses(string commandLineParts)
{
    private readonly string[] _parts = commandLineParts.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyDictionary<string, double> WorkingSetMiB()
    {
        var sets = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (_parts.Length == 0 || !Directory.Exists("/proc"))
        {
            return sets;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit) || pid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!_parts.Any(part => command.Contains(part, StringComparison.Ordinal)))
                {
                    continue;
                }

                var rss = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is not null)
                {
                    var kib = double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    sets[$"{pid} {Label(command)}"] = Math.Round(kib / 1024, 1);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return sets;
    }

    private static string Label(string command)
    {
        var dll = command.Split(' ').FirstOrDefault(p => p.EndsWith(".dll", StringComparison.Ordinal)) ?? command;
        return Path.GetFileNameWithoutExtension(dll);
    }
}
