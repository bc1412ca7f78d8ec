using Participatie.Domain.Participation;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// The activities on offer in the neighbourhood, as their offers told it: the index people, coaches and teams find
/// activities by, so that a search reads this one grain and then only the activities of one page.
/// </summary>
public sealed partial class NeighbourhoodGrain
{
    public Task<IReadOnlyList<string>> ListActivitiesOnOfferAsync(ActivityType? type, string? after, int pageSize)
    {
        EnsureCreated();
        IReadOnlyList<string> page = [.. State.Activities
            .Where(a => a.Value.OnOffer && (type is null || a.Value.Type == type))
            .Select(a => a.Key)
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .Order(StringComparer.Ordinal)
            .Take(Math.Max(0, pageSize))];
        return Task.FromResult(page);
    }
}
