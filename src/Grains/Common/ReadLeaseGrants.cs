namespace OrderActors.Common;

/// <summary>
/// The leases one activation has lent (<see cref="Leased{T}"/>), and the rule that keeps their holders right: a
/// change that would make a lent value wrong first stops lending, revokes every lease still running, waits for
/// the answers (a holder that does not answer, until its lease has run out), and only then is applied.
/// </summary>
/// <remarks>
/// The grants live in the activation's memory, so it lends only within a window whose end the grain stores with its
/// writes (<see cref="Write"/>): an activation that finds a window still open in its state may
/// follow one that lent (a silo died, the grain moved), and its first change waits until that window has closed.
/// A grain reactivated after idling finds its window long closed and waits for nothing, and one that leaves while
/// lending (its silo shuts down) ends its leases and stores a closed window first (<see cref="Leave"/>).
/// </remarks>
public sealed class ReadLeaseGrants
{
    /// <summary>Silos' clocks differ a little: a stored window is taken to end this much later.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    private readonly Dictionary<IReadLeaseHolder, long> _holders = []; // a holder and when its lease runs out
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;
    private readonly long _earlierLeasesUntil;
    private readonly Action<DateTimeOffset> _putWindowInState;
    private DateTimeOffset _lendUntil;
    private int _changing;
    private bool _closed;

    /// <param name="storedWindow">The end of the lending window in the grain's stored state (default when none).</param>
    /// <param name="putWindowInState">Sets the end of the window in the grain's state, to be stored by its next write.</param>
    public ReadLeaseGrants(TimeProvider time, TimeSpan duration, DateTimeOffset storedWindow, Action<DateTimeOffset> putWindowInState)
    {
        _time = time;
        _duration = duration;
        _putWindowInState = putWindowInState;
        _lendUntil = storedWindow;
        var open = storedWindow + ClockMargin - time.GetUtcNow();
        _earlierLeasesUntil = open > TimeSpan.Zero ? _time.GetTimestamp() + Ticks(open, time) : 0;
    }

    /// <summary>
    /// Lends to <paramref name="holder"/>: how long it may keep what it is answered. Zero (use it once) while a change
    /// runs, to no holder, and when the stored window does not cover the lease.
    /// </summary>
    public TimeSpan Lend(IReadLeaseHolder? holder)
    {
        if (holder is null || _closed || _changing > 0 || _duration <= TimeSpan.Zero || _time.GetUtcNow() + _duration > _lendUntil)
        {
            return TimeSpan.Zero;
        }

        _holders[holder] = _time.GetTimestamp() + Ticks(_duration, _time);
        return _duration;
    }

    /// <summary>A later end of the lending window for the grain's next write, when the stored one is closing (else null).</summary>
    public DateTimeOffset? WindowToStore()
    {
        var now = _time.GetUtcNow();
        return !_closed && _duration > TimeSpan.Zero && _lendUntil - now < 2 * _duration ? now + 3 * _duration : null;
    }

    /// <summary>The grain's state, with <paramref name="window"/> in it, is stored.</summary>
    public void Stored(DateTimeOffset window) => _lendUntil = window > _lendUntil ? window : _lendUntil;

    /// <summary>Runs the grain's state write (<paramref name="write"/>), with a wider window in the state when the stored one is closing.</summary>
    public async Task Write(Func<Task> write)
    {
        var window = WindowToStore();
        if (window is { } wider)
        {
            _putWindowInState(wider);
        }

        await write();
        if (window is { } stored)
        {
            Stored(stored);
        }
    }

    /// <summary>
    /// For an activation that is leaving: when its stored window is open and no earlier activation's leases may still
    /// run, revokes its own leases, stops lending for good and stores a closed window with the grain's state write
    /// (<paramref name="write"/>), so that its next activation need not wait. Answers what failed, if anything.
    /// </summary>
    public async Task<Exception?> Leave(GrainId subject, Func<Task> write)
    {
        if (_closed || _time.GetUtcNow() >= _lendUntil + ClockMargin || _time.GetTimestamp() < _earlierLeasesUntil)
        {
            return null;
        }

        try
        {
            using (await Change(subject))
            {
                _closed = true;
            }

            _putWindowInState(default);
            await write();
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    /// <summary>
    /// Stops lending and revokes the running leases of <paramref name="subject"/>; dispose the result once the
    /// change is applied. Completes at once when nothing is lent.
    /// </summary>
    public async Task<IDisposable> Change(GrainId subject)
    {
        _changing++;
        try
        {
            var now = _time.GetTimestamp();
            var running = _holders.Where(h => h.Value > now).ToList();
            _holders.Clear();
            if (running.Count > 0)
            {
                await Task.WhenAll(running.Select(h => Revoke(h.Key, h.Value, subject)));
            }

            if (_time.GetTimestamp() < _earlierLeasesUntil)
            {
                await Task.Delay(Remaining(_earlierLeasesUntil), _time);
            }
        }
        catch (Exception)
        {
            _changing--;
            throw;
        }

        return new Resume(this);
    }

    private async Task Revoke(IReadLeaseHolder holder, long until, GrainId subject)
    {
        try
        {
            await holder.Revoke(subject).WaitAsync(Remaining(until), _time);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Unreachable (its silo died, or is too slow to answer): its lease is over when its time is.
            if (Remaining(until) is { Ticks: > 0 } left)
            {
                await Task.Delay(left, _time);
            }
        }
    }

    private TimeSpan Remaining(long until) =>
        TimeSpan.FromSeconds(Math.Max(0, until - _time.GetTimestamp()) / (double)_time.TimestampFrequency);

    private static long Ticks(TimeSpan span, TimeProvider time) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private sealed class Resume(ReadLeaseGrants grants) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                grants._changing--;
            }
        }
    }
}
