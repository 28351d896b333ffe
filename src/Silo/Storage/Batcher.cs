namespace OrderActors.Silo.Storage;

/// <summary>
/// Group commit for a silo's statements to PostgreSQL: requests that arrive while a statement runs wait and
/// go together in the next one, so under load one round trip and one commit serve many callers, and a
/// lone request still goes at once. At most <paramref name="concurrency"/> statements run at a time.
/// A request whose key is already in the batch being formed waits for the following one (a statement
/// may change each row only once).
/// </summary>
public sealed class Batcher<T>(Func<IReadOnlyList<T>, Task> run, Func<T, object?> key, int maxBatch = 500, int concurrency = 2)
    where T : IBatched
{
    private readonly List<T> _pending = [];
    private int _running;
    private long _statements;

    /// <summary>Statements run so far: against the requests added, how well they were grouped.</summary>
    public long Statements => Interlocked.Read(ref _statements);

    public void Add(T request)
    {
        lock (_pending)
        {
            _pending.Add(request);
            if (_running < concurrency)
            {
                _running++;
                _ = Task.Run(Loop);
            }
        }
    }

    private async Task Loop()
    {
        while (Next() is { } batch)
        {
            Interlocked.Increment(ref _statements);
            try
            {
                await run(batch);
            }
            catch (Exception ex)
            {
                batch.ForEach(r => r.Fail(ex));
            }
        }
    }

    private List<T>? Next()
    {
        lock (_pending)
        {
            if (_pending.Count == 0)
            {
                _running--;
                return null;
            }

            var batch = new List<T>(Math.Min(_pending.Count, maxBatch));
            var keys = new HashSet<object>();
            var waiting = 0;
            for (var i = 0; i < _pending.Count; i++)
            {
                var request = _pending[i];
                if (batch.Count < maxBatch && (key(request) is not { } k || keys.Add(k)))
                {
                    batch.Add(request);
                }
                else
                {
                    _pending[waiting++] = request;
                }
            }

            _pending.RemoveRange(waiting, _pending.Count - waiting);
            return batch;
        }
    }
}

/// <summary>A request a <see cref="Batcher{T}"/> answers: with the statement's outcome, or with its failure.</summary>
public interface IBatched
{
    void Fail(Exception exception);
}
