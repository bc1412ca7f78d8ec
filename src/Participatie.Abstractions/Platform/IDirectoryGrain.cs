namespace Participatie.Abstractions.Platform;

/// <summary>
/// The platform's index of neighbourhoods, coaches and experiments (hundreds, not thousands), so lists and status never need
/// to discover grains. People are counted through their neighbourhoods. Key: <see cref="DirectoryKeys.Platform"/>.
/// </summary>
[Alias("participatie.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Records a neighbourhood id.</summary>
    [Alias("AddNeighbourhood")]
    Task AddNeighbourhoodAsync(string neighbourhoodId);

    /// <summary>Records a coach id.</summary>
    [Alias("AddCoach")]
    Task AddCoachAsync(string coachId);

    /// <summary>Neighbourhood ids after the given one, in order.</summary>
    [Alias("ListNeighbourhoods")]
    Task<IReadOnlyList<string>> ListNeighbourhoodsAsync(string? after, int pageSize);

    /// <summary>All coach ids, in order.</summary>
    [Alias("ListCoaches")]
    Task<IReadOnlyList<string>> ListCoachesAsync();

    /// <summary>Coach ids after the given one, in order.</summary>
    [Alias("ListCoachesPage")]
    Task<IReadOnlyList<string>> ListCoachesAsync(string? after, int pageSize);

    /// <summary>Records an experiment id.</summary>
    [Alias("AddExperiment")]
    Task AddExperimentAsync(string experimentId);

    /// <summary>Experiment ids after the given one, in order.</summary>
    [Alias("ListExperiments")]
    Task<IReadOnlyList<string>> ListExperimentsAsync(string? after, int pageSize);
}

public static class DirectoryKeys
{
    /// <summary>The one directory of this platform instance.</summary>
    public const string Platform = "dir-platform";
}
