using Participatie.Grains.Infrastructure;

namespace Participatie.TestSupport;

/// <summary>Throws at its point every time; <see cref="FiredTwice"/> completes once the job tried it again.</summary>
public sealed class AlwaysFailingFault(string point) : IFaultPoints
{
    private readonly TaskCompletionSource _twice = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _fired;

    public Task FiredTwice => _twice.Task;

    public void Hit(string at)
    {
        if (at == point)
        {
            if (Interlocked.Increment(ref _fired) >= 2)
            {
                _twice.TrySetResult();
            }

            throw new InvalidOperationException($"fault injected at {at}");
        }
    }
}

/// <summary>Throws nothing; <see cref="Reached"/> completes the first time its point is passed.</summary>
public sealed class WatchedFault(string point) : IFaultPoints
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Hit(string at)
    {
        if (at == point)
        {
            _reached.TrySetResult();
        }
    }
}
