using System.Collections.Concurrent;
using Participatie.Abstractions.Clients;

namespace Participatie.Grains.Search;

/// <summary>
/// The client directory of the Memory profile (tests): rows in a dictionary of this process. One instance must serve
/// every silo of the process, as a table would.
/// </summary>
public sealed class InMemoryClientDirectoryStore : IClientDirectoryStore
{
    private readonly ConcurrentDictionary<string, ClientDirectoryRow> _rows = new(StringComparer.Ordinal);

    public Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default)
    {
        _rows.AddOrUpdate(row.ClientId, row, (_, stored) => stored.Version < row.Version ? row : stored);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default)
    {
        var rows = _rows.Values
            .Where(r => !r.Anonymised
                && (query.IncludeEndedCases || r.CaseEndedOn is null)
                && (query.CoachId is null || r.CoachId == query.CoachId)
                && (query.NeighbourhoodId is null || r.NeighbourhoodId == query.NeighbourhoodId)
                && (query.Segment is null || r.Segment == query.Segment)
                && (!query.TeamInvolvedOnly || r.TeamInvolvement)
                && (query.NamePrefix is null || r.NameKey.StartsWith(query.NamePrefix, StringComparison.Ordinal))
                && query.Participation switch
                {
                    ParticipationFilter.Active => r.LastParticipationOn >= activeSince,
                    ParticipationFilter.Inactive => !(r.LastParticipationOn >= activeSince),
                    _ => true,
                }
                && (query.After is null || Compare(r, query.After) > 0))
            .OrderBy(r => r.NameKey, StringComparer.Ordinal)
            .ThenBy(r => r.ClientId, StringComparer.Ordinal)
            .Take(query.PageSize + 1)
            .ToList();
        return Task.FromResult<IReadOnlyList<ClientDirectoryRow>>(rows);
    }

    public Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.GetValueOrDefault(clientId));

    private static int Compare(ClientDirectoryRow row, ClientListPosition position)
    {
        var byName = string.CompareOrdinal(row.NameKey, position.NameKey);
        return byName != 0 ? byName : string.CompareOrdinal(row.ClientId, position.ClientId);
    }
}
