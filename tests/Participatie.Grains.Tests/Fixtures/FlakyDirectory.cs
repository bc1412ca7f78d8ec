using System.Collections.Concurrent;
using Participatie.Abstractions.Clients;
using Participatie.Grains.Search;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>The client directory of the test silos, which can refuse the rows of chosen people a number of times.</summary>
public sealed class FlakyDirectory : IClientDirectoryStore
{
    private readonly InMemoryClientDirectoryStore _rows = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> writes of this person's row fail, as a database that is down would.</summary>
    public void FailFor(string clientId, int times) => _failures[clientId] = times;

    public Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default)
    {
        if (_failures.TryGetValue(row.ClientId, out var left) && left > 0 && _failures.TryUpdate(row.ClientId, left - 1, left))
        {
            throw new TimeoutException("the client directory is not reachable (injected)");
        }

        return _rows.UpsertAsync(row, cancellationToken);
    }

    public Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(query, activeSince, cancellationToken);

    public Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        _rows.FindAsync(clientId, cancellationToken);

    /// <summary>Writes of this person's row still to fail.</summary>
    public int FailuresLeft(string clientId) => _failures.GetValueOrDefault(clientId);
}
