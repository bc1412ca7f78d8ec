using Participatie.Abstractions.Platform;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Platform;

/// <summary>The platform's index of neighbourhoods, coaches and experiments, kept sorted.</summary>
public sealed class DirectoryGrain(
    [PersistentState(StorageNames.Directory, StorageNames.Provider)] IPersistentState<DirectoryState> record) : Grain, IDirectoryGrain
{
    public Task AddNeighbourhoodAsync(string neighbourhoodId) => AddAsync(record.State.Neighbourhoods, neighbourhoodId);

    public Task AddCoachAsync(string coachId) => AddAsync(record.State.Coaches, coachId);

    public Task<IReadOnlyList<string>> ListNeighbourhoodsAsync(string? after, int pageSize) =>
        Task.FromResult<IReadOnlyList<string>>(record.State.Neighbourhoods
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .Take(pageSize)
            .ToList());

    public Task<IReadOnlyList<string>> ListCoachesAsync() => Task.FromResult<IReadOnlyList<string>>(record.State.Coaches.ToList());

    public Task<IReadOnlyList<string>> ListCoachesAsync(string? after, int pageSize) =>
        Task.FromResult<IReadOnlyList<string>>(record.State.Coaches
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .Take(pageSize)
            .ToList());

    public Task AddExperimentAsync(string experimentId) => AddAsync(record.State.Experiments, experimentId);

    public Task<IReadOnlyList<string>> ListExperimentsAsync(string? after, int pageSize) =>
        Task.FromResult<IReadOnlyList<string>>(record.State.Experiments
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .Take(pageSize)
            .ToList());

    private async Task AddAsync(List<string> sorted, string id)
    {
        var index = sorted.BinarySearch(id, StringComparer.Ordinal);
        if (index >= 0)
        {
            return;
        }

        sorted.Insert(~index, id);
        await record.WriteStateAsync();
    }
}
