using System.Collections.Concurrent;
using Participatie.Grains.Infrastructure;

namespace Participatie.TestSupport;

/// <summary>
/// Hears each grain's outbox start delivering and deliver everything it held, so that a test awaits a delivery itself
/// instead of polling for its effect. Registered as the silo's <see cref="IOutboxMonitor"/> (nothing in production
/// registers one). Also compiled into the grain tests, which have no silo host.
/// </summary>
public sealed class OutboxWatch : IOutboxMonitor
{
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource> _next = new();
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource> _first = new();
    private readonly ConcurrentDictionary<GrainId, byte> _busy = new();
    private readonly Lock _idleLock = new();
    private TaskCompletionSource? _idle;

    /// <summary>
    /// Completes the next time <paramref name="grain"/>'s outbox has delivered everything: take it before looking at the
    /// grain, look, and await it only if the grain still had something to deliver.
    /// </summary>
    public Task Next(GrainId grain) => _next.GetOrAdd(grain, _ => NewSource()).Task;

    /// <summary>Completes once <paramref name="grain"/>'s outbox has delivered everything at least once since the host started.</summary>
    public Task Delivered(GrainId grain) => _first.GetOrAdd(grain, _ => NewSource()).Task;

    /// <summary>Completes when no outbox in the silo has anything left that it started to deliver.</summary>
    public Task IdleAsync()
    {
        lock (_idleLock)
        {
            if (_busy.IsEmpty)
            {
                return Task.CompletedTask;
            }

            _idle ??= NewSource();
            return _idle.Task;
        }
    }

    public void Delivering(GrainId grain) => _busy[grain] = 0;

    public void Drained(GrainId grain)
    {
        _first.GetOrAdd(grain, _ => NewSource()).TrySetResult();
        if (_next.TryRemove(grain, out var waiting))
        {
            waiting.TrySetResult();
        }

        lock (_idleLock)
        {
            _busy.TryRemove(grain, out _);
            if (_busy.IsEmpty && _idle is { } idle)
            {
                _idle = null;
                idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
