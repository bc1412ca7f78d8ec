using Participatie.Abstractions.Clients;
using Participatie.Domain.People;

namespace Participatie.Grains.Search;

/// <summary>
/// One person's row in the client directory, as their record last sent it. An anonymised record leaves a row
/// without names (<see cref="Anonymised"/>), so its version still guards against an older, named row arriving late;
/// such rows are never listed.
/// </summary>
public sealed record ClientDirectoryRow(
    string ClientId,
    string GivenName,
    string FamilyName,
    string NameKey,
    string NeighbourhoodId,
    string? CoachId,
    Segment Segment,
    bool TeamInvolvement,
    DateOnly? CaseEndedOn,
    DateOnly? LastParticipationOn,
    bool Anonymised,
    long Version);

/// <summary>
/// The client directory: a table with one row per person (SQLite in Local, PostgreSQL in the cluster, memory in
/// tests), written by each person's record through its outbox and read by <see cref="ClientSearchGrain"/>.
/// </summary>
public interface IClientDirectoryStore
{
    /// <summary>Stores the row unless the stored one has the same or a newer version (so a repeat changes nothing).</summary>
    Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <c>query.PageSize + 1</c> listed rows after <c>query.After</c> in (name key, client id) order, so the caller
    /// sees whether another page follows. A person counts as active when they took part on or after
    /// <paramref name="activeSince"/>.
    /// </summary>
    Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default);

    /// <summary>The stored row of one person, or null (for checks and rebuilds).</summary>
    Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default);
}
