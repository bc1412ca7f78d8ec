namespace Participatie.Abstractions.Neighbourhoods;

/// <summary>A neighbourhood (wijk) and its live figures. Key: a neighbourhood id ("wk-…").</summary>
[Alias("participatie.INeighbourhoodGrain")]
public interface INeighbourhoodGrain : IGrainWithStringKey
{
    /// <summary>Defines the neighbourhood; defining it again with the same name and municipality is a no-op.</summary>
    [Alias("Create")]
    Task<NeighbourhoodView> CreateAsync(CreateNeighbourhoodCommand command);

    /// <summary>Reads the neighbourhood and its figures.</summary>
    [Alias("Get")]
    Task<NeighbourhoodView> GetAsync();

    /// <summary>True when the neighbourhood has been defined.</summary>
    [Alias("Exists")]
    Task<bool> ExistsAsync();

    /// <summary>Applies a resident's contribution if it is newer than what the neighbourhood holds.</summary>
    [Alias("Apply")]
    Task ApplyAsync(ResidentContribution contribution);
}
