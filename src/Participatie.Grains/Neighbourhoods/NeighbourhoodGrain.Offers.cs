using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Participation;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// The activities on offer in the neighbourhood, as their offers told it: the index people, coaches and teams find
/// activities by. Each offer carries what a search shows (title, partner, schedule, places), so that a search reads
/// this one grain (ARCHITECTURE rule 3) and no activity is asked.
/// </summary>
public sealed partial class NeighbourhoodGrain
{
    public async Task<OfferPage> ListActivitiesOnOfferAsync(ActivityType? type, string? after, int pageSize)
    {
        EnsureCreated();
        var page = State.Activities
            .Where(a => a.Value.OnOffer && (type is null || a.Value.Type == type))
            .Where(a => after is null || string.CompareOrdinal(a.Key, after) > 0)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, pageSize))
            .ToList();

        // Offers stored before they carried their details are asked of the activity, until a rebuild stores them.
        var older = await Task.WhenAll(page.Where(a => a.Value.Details is null).Select(a => GrainFactory.GetGrain<IActivityGrain>(a.Key).GetOfferAsync(NeighbourhoodId)));
        var asked = older.ToDictionary(o => o.ActivityId, o => Record(o), StringComparer.Ordinal);
        IReadOnlyList<ActivityOnOffer> offers =
        [
            .. page
                .Select(a => (a.Key, Record: asked.GetValueOrDefault(a.Key) ?? a.Value))
                .Where(a => a.Record is { OnOffer: true, Type: not null, Details: not null })
                .Select(a => new ActivityOnOffer(a.Key, a.Record.Type!.Value, ToDetails(a.Record.Details!))),
        ];
        return new OfferPage(offers, page.Count == pageSize && pageSize > 0 ? page[^1].Key : null);
    }

    private static ActivityOfferRecord Record(ActivityOffer offer) => new()
    {
        Version = offer.Version,
        OnOffer = offer.OnOffer,
        Type = offer.Type,
        Details = offer.Details is not { } details ? null : new OfferDetailsRecord
        {
            Title = details.Title,
            PartnerId = details.PartnerId,
            PartnerName = details.PartnerName,
            Schedule = details.Schedule,
            Contact = details.Contact,
            Capacity = details.Capacity,
            Enrolled = details.Enrolled,
            Waiting = details.Waiting,
        },
    };

    private static OfferDetails ToDetails(OfferDetailsRecord details) =>
        new(details.Title, details.PartnerId, details.PartnerName, details.Schedule, details.Contact, details.Capacity, details.Enrolled, details.Waiting);
}
