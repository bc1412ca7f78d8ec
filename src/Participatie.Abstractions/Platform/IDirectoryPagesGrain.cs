using Orleans.Concurrency;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;

namespace Participatie.Abstractions.Platform;

/// <summary>
/// Reads a page of the platform's neighbourhoods, experiments or coaches: their ids from the directory, then each grain
/// of the page, so that the gateway makes one call for a list. A stateless worker on every silo, holding nothing; the
/// directory stays a plain index that never waits on what it lists (those grains call it when they are defined).
/// Key: <see cref="DirectoryPagesKeys.Any"/>.
/// </summary>
[Alias("participatie.IDirectoryPagesGrain")]
public interface IDirectoryPagesGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="size"/> neighbourhoods in id order, after <paramref name="after"/>.</summary>
    [Alias("Neighbourhoods")]
    [ReadOnly]
    Task<NeighbourhoodPage> ListNeighbourhoodsAsync(string? after, int size);

    /// <summary>Up to <paramref name="size"/> experiments in id order, after <paramref name="after"/>.</summary>
    [Alias("Experiments")]
    [ReadOnly]
    Task<ExperimentPage> ListExperimentsAsync(string? after, int size);

    /// <summary>Up to <paramref name="size"/> coaches in id order, after <paramref name="after"/>.</summary>
    [Alias("Coaches")]
    [ReadOnly]
    Task<CoachPage> ListCoachesAsync(string? after, int size);
}

public static class DirectoryPagesKeys
{
    /// <summary>The key to call the worker by; any silo's local activation answers.</summary>
    public const long Any = 0;
}
