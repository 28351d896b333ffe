using System.Collections.Concurrent;
using OrderActors.Audit;

namespace OrderActors.Tests;

/// <summary>
/// Makes the audit log unreachable for one target's entries, as when the silo holding its shard has just died: each
/// such append fails before it reaches the grain. Scoped to targets so that tests sharing the host go on unaffected.
/// </summary>
public sealed class UnreachableAudit : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Targets = new(StringComparer.Ordinal);

    /// <summary>Appends of <paramref name="target"/>'s entries fail until the result is disposed.</summary>
    public static IDisposable For(string target)
    {
        Targets[target] = 0;
        return new Restore(target);
    }

    /// <summary>How many appends were refused for <paramref name="target"/>.</summary>
    public static int Refused(string target) => Targets.GetValueOrDefault(target);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is AuditEntry entry
            && Targets.TryGetValue(entry.Target, out var refused))
        {
            Targets[entry.Target] = refused + 1;
            throw new TimeoutException($"audit append for {entry.Target}: unreachable (injected by the test)");
        }

        return context.Invoke();
    }

    private sealed class Restore(string target) : IDisposable
    {
        public void Dispose() => Targets.TryRemove(target, out _);
    }
}
