using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OrderActors.Common;

/// <summary>
/// This silo's cache of what order placement reads from other grains (SKUs, customers' review flags), each value
/// held under the lease its grain lent (<see cref="Leased{T}"/>). A flash sale's late attempts are refused from
/// here without a call, and a placement reads the customer and its SKUs without leaving the silo.
/// </summary>
/// <remarks>
/// A value is kept no longer than its lease, counted from when it was asked for, and is dropped when its grain
/// revokes it. An answer that was on its way when a revocation arrived is not kept. <see cref="Lower{T}"/> takes
/// in later figures (what a reservation left), and only ones newer than those held.
/// </remarks>
public sealed class ReadLeases(IGrainFactory grains, TimeProvider time) : IReadLeaseHolder
{
    private const int PruneEvery = 4096;
    private static readonly TimeSpan RevocationsKept = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<GrainId, Held> _held = new();
    private readonly Dictionary<GrainId, long> _revokedAt = [];
    private readonly Lock _gate = new();
    private IReadLeaseHolder? _self;
    private int _reads;

    /// <summary>
    /// Makes this cache reachable for revocations. Called as the silo starts: a reference to a local object cannot
    /// be created from within a grain. Until then nothing is lent to it, and every read is a call.
    /// </summary>
    public void Open() => _self ??= grains.CreateObjectReference<IReadLeaseHolder>(this);

    /// <summary>The value held for <paramref name="subject"/>, else what <paramref name="lease"/> answers (kept if lent).</summary>
    public Task<T?> Read<T>(GrainId subject, Func<IReadLeaseHolder?, Task<Leased<T>>> lease, Func<T, int>? version = null)
    {
        var asked = time.GetTimestamp();
        if (Interlocked.Increment(ref _reads) % PruneEvery == 0)
        {
            Prune(asked);
        }

        // Held: answered without an async frame (this is every placement's read of each of its SKUs).
        return _held.TryGetValue(subject, out var held) && held.Until > asked
            ? Task.FromResult((T?)held.Value)
            : Ask(subject, lease, version, asked);
    }

    /// <summary>The value held for <paramref name="subject"/>, if one is (never a call).</summary>
    public bool TryHeld<T>(GrainId subject, [MaybeNullWhen(false)] out T value)
    {
        if (_held.TryGetValue(subject, out var held) && held.Until > time.GetTimestamp())
        {
            value = (T)held.Value;
            return true;
        }

        value = default;
        return false;
    }

    private async Task<T?> Ask<T>(GrainId subject, Func<IReadLeaseHolder?, Task<Leased<T>>> lease, Func<T, int>? version, long asked)
    {
        var answer = await lease(_self);
        if (answer is { For.Ticks: > 0, Value: { } value })
        {
            // A margin of a tenth: the lender counts the lease from when it answered, later than this was asked.
            var until = asked + (long)(answer.For.TotalSeconds * 0.9 * time.TimestampFrequency);
            Keep(subject, new Held(value, version?.Invoke(value) ?? 0, until), asked);
        }

        return answer.Value;
    }

    /// <summary>Replaces a held value with later figures of version <paramref name="version"/>, if it is older.</summary>
    public void Lower<T>(GrainId subject, int version, Func<T, T> lower) where T : notnull
    {
        lock (_gate)
        {
            if (_held.TryGetValue(subject, out var held) && held.Version < version)
            {
                _held[subject] = held with { Value = lower((T)held.Value), Version = version };
            }
        }
    }

    public Task Revoke(GrainId subject)
    {
        lock (_gate)
        {
            _revokedAt[subject] = time.GetTimestamp();
            _held.TryRemove(subject, out _);
        }

        return Task.CompletedTask;
    }

    private void Keep(GrainId subject, Held held, long asked)
    {
        lock (_gate)
        {
            if (held.Until > time.GetTimestamp() && !(_revokedAt.TryGetValue(subject, out var revoked) && revoked >= asked))
            {
                _held[subject] = held;
            }
        }
    }

    private void Prune(long now)
    {
        foreach (var (subject, held) in _held)
        {
            if (held.Until <= now)
            {
                _held.TryRemove(new KeyValuePair<GrainId, Held>(subject, held));
            }
        }

        lock (_gate)
        {
            var old = now - (long)(RevocationsKept.TotalSeconds * time.TimestampFrequency);
            foreach (var subject in _revokedAt.Where(r => r.Value < old).Select(r => r.Key).ToList())
            {
                _revokedAt.Remove(subject);
            }
        }
    }

    private sealed record Held(object Value, int Version, long Until);
}
