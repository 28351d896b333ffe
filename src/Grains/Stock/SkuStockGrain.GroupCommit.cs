namespace OrderActors.Stock;

/// <summary>
/// Group commit: the SKU grain is the serialization point of a flash sale, so it does not wait for one
/// state write per reservation. Calls mutate the state in their own turn (check-and-reserve stays atomic:
/// no await between the check and the change), then wait for the next write; one write covers every
/// change made before it started, and each caller is answered only after a write that includes its change.
/// Only one write runs at a time.
/// </summary>
public sealed partial class SkuStockGrain
{
    private TaskCompletionSource? _nextBatch;
    private bool _writing;

    private Task WriteBatched()
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
                    await store.WriteStateAsync();
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
