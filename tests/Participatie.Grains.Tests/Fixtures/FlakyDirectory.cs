using System.Collections.Concurrent;
using Participatie.Abstractions.Clients;
using Participatie.Grains.Search;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>
/// The client directory of the test silos, which can refuse the rows of chosen people a number of times, and which
/// keeps a log of the versions each person's record sent it, so that a test can await a delivery itself.
/// </summary>
public sealed class FlakyDirectory : IClientDirectoryStore
{
    private readonly InMemoryClientDirectoryStore _rows = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _received = new(StringComparer.Ordinal);
    private readonly List<(string ClientId, Func<IReadOnlyList<long>, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly Lock _lock = new();

    /// <summary>The next <paramref name="times"/> writes of this person's row fail, as a database that is down would.</summary>
    public void FailFor(string clientId, int times) => _failures[clientId] = times;

    public async Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default)
    {
        if (_failures.TryGetValue(row.ClientId, out var left) && left > 0 && _failures.TryUpdate(row.ClientId, left - 1, left))
        {
            throw new TimeoutException("the client directory is not reachable (injected)");
        }

        await _rows.UpsertAsync(row, cancellationToken);
        lock (_lock)
        {
            if (!_received.TryGetValue(row.ClientId, out var versions))
            {
                versions = [];
                _received[row.ClientId] = versions;
            }

            versions.Add(row.Version);
            foreach (var waiter in _waiters.Where(w => w.ClientId == row.ClientId && w.Done(versions)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>The versions of this person's row the directory took (repeats included), in the order they came.</summary>
    public IReadOnlyList<long> Received(string clientId)
    {
        lock (_lock)
        {
            return _received.TryGetValue(clientId, out var versions) ? [.. versions] : [];
        }
    }

    /// <summary>Completes once the versions taken for this person satisfy <paramref name="done"/>.</summary>
    public Task WhenReceivedAsync(string clientId, Func<IReadOnlyList<long>, bool> done)
    {
        lock (_lock)
        {
            if (done(_received.TryGetValue(clientId, out var versions) ? versions : []))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((clientId, done, signal));
            return signal.Task;
        }
    }

    public Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(query, activeSince, cancellationToken);

    public Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        _rows.FindAsync(clientId, cancellationToken);

    /// <summary>Writes of this person's row still to fail.</summary>
    public int FailuresLeft(string clientId) => _failures.GetValueOrDefault(clientId);
}
