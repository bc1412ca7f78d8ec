using Orleans.Concurrency;

namespace Participatie.Abstractions.Neighbourhoods;

/// <summary>
/// Reads a page of the platform's neighbourhoods: their ids from the directory, then each neighbourhood, so the gateway
/// makes one call for a list. A stateless worker on every silo, holding nothing. Key: <see cref="NeighbourhoodListKeys.Any"/>.
/// </summary>
[Alias("participatie.INeighbourhoodListGrain")]
public interface INeighbourhoodListGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="size"/> neighbourhoods in id order, after <paramref name="after"/>.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<NeighbourhoodPage> ListAsync(string? after, int size);
}

public static class NeighbourhoodListKeys
{
    /// <summary>The key to call the list worker by; any silo's local activation answers.</summary>
    public const long Any = 0;
}
