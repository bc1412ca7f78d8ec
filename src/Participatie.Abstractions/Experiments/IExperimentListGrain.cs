using Orleans.Concurrency;

namespace Participatie.Abstractions.Experiments;

/// <summary>
/// Reads a page of the platform's experiments: their ids from the directory, then each experiment, so the gateway
/// makes one call for a list. A stateless worker on every silo, holding nothing. Key: <see cref="ExperimentListKeys.Any"/>.
/// </summary>
[Alias("participatie.IExperimentListGrain")]
public interface IExperimentListGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="size"/> experiments in id order, after <paramref name="after"/>.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<ExperimentPage> ListAsync(string? after, int size);
}

public static class ExperimentListKeys
{
    /// <summary>The key to call the list worker by; any silo's local activation answers.</summary>
    public const long Any = 0;
}
