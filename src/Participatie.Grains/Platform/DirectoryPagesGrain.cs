using Orleans.Concurrency;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Platform;

/// <summary>Reads pages of the directory's grains for the gateway; see <see cref="IDirectoryPagesGrain"/>.</summary>
[StatelessWorker]
public sealed class DirectoryPagesGrain : Grain, IDirectoryPagesGrain
{
    private IDirectoryGrain Directory => GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);

    public async Task<NeighbourhoodPage> ListNeighbourhoodsAsync(string? after, int size)
    {
        var (views, next) = await ReadAsync(Directory.ListNeighbourhoodsAsync(after, size + 1), size, id => GrainFactory.GetGrain<INeighbourhoodGrain>(id).GetAsync());
        return new NeighbourhoodPage(views, next);
    }

    public async Task<ExperimentPage> ListExperimentsAsync(string? after, int size)
    {
        var (views, next) = await ReadAsync(Directory.ListExperimentsAsync(after, size + 1), size, id => GrainFactory.GetGrain<IExperimentGrain>(id).GetAsync());
        return new ExperimentPage(views, next);
    }

    public async Task<CoachPage> ListCoachesAsync(string? after, int size)
    {
        var (views, next) = await ReadAsync(Directory.ListCoachesAsync(after, size + 1), size, id => GrainFactory.GetGrain<ICoachGrain>(id).GetAsync());
        return new CoachPage(views, next);
    }

    /// <summary>
    /// Reads each grain of a page of ids asked one longer than the page, which tells whether another page follows:
    /// then the page's last id is where it goes on.
    /// </summary>
    private static async Task<(TView[] Views, string? ContinueAfter)> ReadAsync<TView>(Task<IReadOnlyList<string>> ids, int size, Func<string, Task<TView>> read)
    {
        var found = await ids;
        var page = found.Take(size).ToList();
        return (await Task.WhenAll(page.Select(read)), found.Count > size ? page[^1] : null);
    }
}
