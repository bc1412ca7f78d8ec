using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Participatie.Abstractions.Clients;
using Participatie.Domain.Participation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Search;

/// <summary>Answers lists from the client directory; holds no state, so every silo runs as many as it needs.</summary>
[StatelessWorker]
public sealed class ClientSearchGrain(IClientDirectoryStore directory, IOptions<ParticipationPolicy> participation, TimeProvider time) : Grain, IClientSearchGrain
{
    public async Task<ClientListPage> ListAsync(ClientListQuery query)
    {
        var activeSince = participation.Value.ActiveSince(Today.In(time));
        var rows = await directory.ListAsync(query, activeSince);
        var page = rows.Take(query.PageSize).ToList();
        var next = rows.Count > query.PageSize ? new ClientListPosition(page[^1].NameKey, page[^1].ClientId) : null;
        return new ClientListPage(
            [.. page.Select(r => new ClientListEntry(
                r.ClientId,
                r.GivenName,
                r.FamilyName,
                r.NeighbourhoodId,
                r.CoachId,
                r.Segment,
                r.LastParticipationOn,
                r.LastParticipationOn >= activeSince,
                r.CaseEndedOn))],
            next);
    }
}
