namespace Participatie.Abstractions.Platform;

/// <summary>
/// The platform's index of neighbourhoods and coaches (hundreds, not thousands), so lists and status never need
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
}

public static class DirectoryKeys
{
    /// <summary>The one directory of this platform instance.</summary>
    public const string Platform = "dir-platform";
}
