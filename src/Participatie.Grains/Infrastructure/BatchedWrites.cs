namespace Participatie.Grains.Infrastructure;

/// <summary>
/// Stores a grain's state once for many changes. A change that arrives while a write is under way waits, not yet
/// applied; when the write ends, every waiting change is applied and the next write stores them all. Each caller's
/// task completes once the write holding its change is stored (or fails with that write), so an acknowledged change
/// is as durable as with a write of its own. A change is applied only while no write is under way, so storage never
/// serializes state that is being changed: the ADO.NET provider serializes off the activation's thread.
/// </summary>
/// <remarks>
/// For grains that let the calls that change them interleave (a neighbourhood receiving its residents' contributions):
/// without interleaving the second call could not start before the first one's write ended, and there would be
/// nothing to batch. Once a grain uses this, every change of its state must come through it.
/// </remarks>
internal sealed class BatchedWrites<T>(IPersistentState<T> state, IGrainBase grain, Action? stored = null)
{
    private List<(Func<bool> Change, TaskCompletionSource Stored)> _waiting = [];
    private bool _writing;

    /// <summary>
    /// Applies <paramref name="change"/> (which says whether it changed anything) now, or after the write under way,
    /// and completes when the change is stored. An exception of the change is the caller's alone.
    /// </summary>
    public Task ApplyAsync(Func<bool> change)
    {
        if (_writing)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((change, stored));
            return stored.Task;
        }

        return change() ? WriteAsync(callers: null) : Task.CompletedTask;
    }

    /// <summary>
    /// One write. The first caller awaits it directly and gets its exception; callers that waited are told through
    /// their own tasks. When it ends, the changes that waited meanwhile are applied and written next.
    /// </summary>
    private async Task WriteAsync(List<TaskCompletionSource>? callers)
    {
        _writing = true;
        try
        {
            await state.WriteOrDeactivateAsync(grain);
            callers?.ForEach(c => c.TrySetResult());
            stored?.Invoke();
        }
        catch (Exception failure) when (callers is not null)
        {
            callers.ForEach(c => c.TrySetException(failure));
        }
        finally
        {
            _writing = false;
            ApplyWaiting();
        }
    }

    private void ApplyWaiting()
    {
        if (_waiting.Count == 0)
        {
            return;
        }

        var waiting = _waiting;
        _waiting = [];
        var changed = new List<TaskCompletionSource>(waiting.Count);
        foreach (var (change, stored) in waiting)
        {
            try
            {
                if (change())
                {
                    changed.Add(stored);
                }
                else
                {
                    stored.TrySetResult();
                }
            }
            catch (Exception failure)
            {
                stored.TrySetException(failure);
            }
        }

        if (changed.Count > 0)
        {
            _ = WriteAsync(changed);
        }
    }
}
