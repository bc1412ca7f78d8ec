using System.Collections.Concurrent;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>
/// Hears each time a grain's outbox delivered everything it held, so that a test awaits the delivery itself: take
/// <see cref="Next"/> before looking at the grain, look, and await it only if the grain still had something to deliver.
/// </summary>
public sealed class OutboxDrains : IOutboxMonitor
{
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource> _next = new();

    /// <summary>Completes the next time <paramref name="grain"/>'s outbox has delivered everything.</summary>
    public Task Next(GrainId grain) =>
        _next.GetOrAdd(grain, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Drained(GrainId grain)
    {
        if (_next.TryRemove(grain, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
