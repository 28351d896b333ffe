namespace OrderActors.Common;

/// <summary>
/// Group commit for a reentrant grain: callers change the state in their own turn, then await
/// <see cref="Write"/>; one write covers every change made before it started, and each caller is answered
/// only after a write that includes its change. Only one write runs at a time; a change made while one
/// runs joins the next.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _nextBatch;
    private bool _writing;

    public Task Write()
    {
        _nextBatch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _nextBatch.Task;
        if (!_writing)
        {
            _ = WriteLoop();
        }

        return mine;
    }

    private async Task WriteLoop()
    {
        _writing = true;
        try
        {
            while (_nextBatch is { } batch)
            {
                // Changes made from here on join the following batch.
                _nextBatch = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    batch.SetException(ex);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
