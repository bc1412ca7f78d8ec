using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// What goes on in the neighbourhood: residents active, hours this month, outflow to work, activities on offer. Each
/// figure is worked out when read from the residents' and activities' newest contributions, so figures that depend on
/// the day (the active window, "this month") are right on any day without anything being sent. A rebuild asks the
/// sources again and replaces the contributions: its figures must equal the live ones.
/// </summary>
public sealed partial class NeighbourhoodGrain
{
    private const int RebuildConcurrency = 16;
    private const int RebuildPage = 500;

    public Task ApplyActivityAsync(ActivityOffer offer) => Writes.ApplyAsync(() =>
    {
        if (State.Activities.TryGetValue(offer.ActivityId, out var existing) && existing.Version >= offer.Version)
        {
            return false;
        }

        State.Activities[offer.ActivityId] = Record(offer);
        _figures = null;
        return true;
    });

    public async Task<NeighbourhoodRebuild> RebuildAsync()
    {
        EnsureCreated();
        var before = View();

        // The people: everyone the client directory (a projection of the people's records, not of this grain) places
        // here, and everyone this grain holds as a resident (someone who moved away tells us they are no longer ours).
        var people = new HashSet<string>(State.Residents.Keys, StringComparer.Ordinal);

        // What was held when the rebuild began: a contribution delivered while the sources are asked replaces its
        // record here, and is kept when it is newer than what its source answered.
        var heldResidents = new Dictionary<string, ResidentRecord>(State.Residents, StringComparer.Ordinal);
        var heldActivities = new Dictionary<string, ActivityOfferRecord>(State.Activities, StringComparer.Ordinal);
        ClientListPosition? after = null;
        do
        {
            var rows = await directory.ListAsync(new ClientListQuery(null, NeighbourhoodId, null, ParticipationFilter.Any, null, TeamInvolvedOnly: false, IncludeEndedCases: true, after, RebuildPage), DateOnly.MinValue);
            people.UnionWith(rows.Take(RebuildPage).Select(r => r.ClientId));
            after = rows.Count > RebuildPage ? new ClientListPosition(rows[RebuildPage - 1].NameKey, rows[RebuildPage - 1].ClientId) : null;
        }
        while (after is not null);

        var residents = new Dictionary<string, ResidentRecord>(StringComparer.Ordinal);
        foreach (var chunk in people.Chunk(RebuildConcurrency))
        {
            var fresh = await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<IClientCaseGrain>(id).GetResidentContributionAsync(NeighbourhoodId)));
            foreach (var contribution in fresh)
            {
                residents[contribution.ClientId] = Record(contribution);
            }
        }

        var activities = new Dictionary<string, ActivityOfferRecord>(StringComparer.Ordinal);
        foreach (var chunk in State.Activities.Keys.ToList().Chunk(RebuildConcurrency))
        {
            var offers = await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<IActivityGrain>(id).GetOfferAsync(NeighbourhoodId)));
            foreach (var offer in offers)
            {
                activities[offer.ActivityId] = Record(offer);
            }
        }

        await Writes.ApplyAsync(() =>
        {
            State.Residents = WithDeliveredMeanwhile(residents, heldResidents, State.Residents, r => r.Version);
            State.Activities = WithDeliveredMeanwhile(activities, heldActivities, State.Activities, a => a.Version);
            State.FiguresVersion++;
            _figures = null;
            _residents = null;
            return true;
        });
        await Outbox.DeliverAsync();
        return new NeighbourhoodRebuild(before, View(), people.Count, activities.Count);
    }

    /// <summary>
    /// The rebuilt entries (the sources are the truth, also against a held record of a higher version), except where a
    /// contribution was delivered during the rebuild and is newer than, or missing from, what the rebuild got.
    /// </summary>
    private static Dictionary<string, TRecord> WithDeliveredMeanwhile<TRecord>(
        Dictionary<string, TRecord> rebuilt, Dictionary<string, TRecord> held, Dictionary<string, TRecord> live, Func<TRecord, long> version)
        where TRecord : class
    {
        foreach (var (id, current) in live)
        {
            var deliveredMeanwhile = !held.TryGetValue(id, out var before) || !ReferenceEquals(before, current);
            if (deliveredMeanwhile && (!rebuilt.TryGetValue(id, out var fresh) || version(current) > version(fresh)))
            {
                rebuilt[id] = current;
            }
        }

        return rebuilt;
    }

    private static ResidentRecord Record(ResidentContribution contribution) => new()
    {
        Version = contribution.Version,
        Resident = contribution.Resident,
        Segment = contribution.Segment,
        HasCoach = contribution.HasCoach,
        LastParticipationOn = contribution.LastParticipationOn,
        Minutes = (contribution.Participation ?? []).ToDictionary(m => m.Month, m => m.Minutes),
        OutflowOn = contribution.OutflowOn,
    };

    private NeighbourhoodActivity Activity()
    {
        var today = Today.In(time);
        var month = new DateOnly(today.Year, today.Month, 1);
        var activeSince = participation.Value.ActiveSince(today);
        int active = 0, minutes = 0, outflow = 0;
        foreach (var r in State.Residents.Values.Where(r => r.Resident))
        {
            active += r.LastParticipationOn is { } last && last >= activeSince && last <= today ? 1 : 0;
            minutes += r.Minutes.GetValueOrDefault(month);
            outflow += r.OutflowOn is { } start && start.Year == today.Year && start <= today ? 1 : 0;
        }

        return new NeighbourhoodActivity(today, active, minutes, outflow, State.Activities.Values.Count(a => a.OnOffer));
    }
}
