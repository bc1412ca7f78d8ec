using Orleans.Concurrency;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// Reads a page of neighbourhoods for the gateway; see <see cref="INeighbourhoodListGrain"/>. Holds no state, and the
/// directory stays a plain index that never waits on the neighbourhoods it lists (they call it when they are defined).
/// </summary>
[StatelessWorker]
public sealed class NeighbourhoodListGrain : Grain, INeighbourhoodListGrain
{
    public async Task<NeighbourhoodPage> ListAsync(string? after, int size)
    {
        // One id more than the page tells whether another page follows.
        var ids = await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListNeighbourhoodsAsync(after, size + 1);
        var page = ids.Take(size).ToList();
        var views = await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<INeighbourhoodGrain>(id).GetAsync()));
        return new NeighbourhoodPage(views, ids.Count > size ? page[^1] : null);
    }
}
