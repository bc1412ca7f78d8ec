using Orleans.Concurrency;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Coaches;

/// <summary>
/// Reads a page of coaches for the gateway; see <see cref="ICoachListGrain"/>. Holds no state, and the directory stays
/// a plain index that never waits on the coaches it lists (they call it when they are created).
/// </summary>
[StatelessWorker]
public sealed class CoachListGrain : Grain, ICoachListGrain
{
    public async Task<CoachPage> ListAsync(string? after, int size)
    {
        // One id more than the page tells whether another page follows.
        var ids = await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListCoachesAsync(after, size + 1);
        var page = ids.Take(size).ToList();
        var views = await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<ICoachGrain>(id).GetAsync()));
        return new CoachPage(views, ids.Count > size ? page[^1] : null);
    }
}
