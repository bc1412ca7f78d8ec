using System.Collections.Concurrent;
using Orleans.Storage;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>
/// The test cluster's grain storage (in memory), counting per grain what it was asked: a read is an activation loading
/// its state, a write a stored change. Tests measure with it what a call costs.
/// </summary>
public sealed class CountingStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, (int Reads, int Writes)> Counts = new();

    /// <summary>How often the grain's state was read (once per activation) and written, in every silo of this process.</summary>
    public static (int Reads, int Writes) Of(GrainId grain) => Counts.GetValueOrDefault(grain);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(stateName, grainId, grainState);
        Counts.AddOrUpdate(grainId, (1, 0), (_, c) => (c.Reads + 1, c.Writes));
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        Counts.AddOrUpdate(grainId, (0, 1), (_, c) => (c.Reads, c.Writes + 1));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
