using Orleans.Concurrency;

namespace Participatie.Abstractions.Coaches;

/// <summary>
/// Reads a page of the platform's coaches: their ids from the directory, then each coach, so the gateway makes one
/// call for a list. A stateless worker on every silo, holding nothing. Key: <see cref="CoachListKeys.Any"/>.
/// </summary>
[Alias("participatie.ICoachListGrain")]
public interface ICoachListGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="size"/> coaches in id order, after <paramref name="after"/>.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<CoachPage> ListAsync(string? after, int size);
}

public static class CoachListKeys
{
    /// <summary>The key to call the list worker by; any silo's local activation answers.</summary>
    public const long Any = 0;
}
