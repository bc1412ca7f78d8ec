using Orleans.Concurrency;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Experiments;

/// <summary>
/// Reads a page of experiments for the gateway; see <see cref="IExperimentListGrain"/>. Holds no state, and the
/// directory stays a plain index that never waits on the experiments it lists (they call it when they are created).
/// </summary>
[StatelessWorker]
public sealed class ExperimentListGrain : Grain, IExperimentListGrain
{
    public async Task<ExperimentPage> ListAsync(string? after, int size)
    {
        // One id more than the page tells whether another page follows.
        var ids = await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListExperimentsAsync(after, size + 1);
        var page = ids.Take(size).ToList();
        var experiments = await Task.WhenAll(page.Select(id => GrainFactory.GetGrain<IExperimentGrain>(id).GetAsync()));
        return new ExperimentPage(experiments, ids.Count > size ? page[^1] : null);
    }
}
