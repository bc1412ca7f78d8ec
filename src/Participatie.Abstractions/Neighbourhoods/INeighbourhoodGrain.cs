using Participatie.Domain.Participation;
using Orleans.Concurrency;

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

    /// <summary>The counts as the platform's status keeps them (null for an undefined neighbourhood): what a rebuild asks.</summary>
    [Alias("GetFigures")]
    [AlwaysInterleave]
    Task<Platform.NeighbourhoodFigures?> GetFiguresAsync();

    /// <summary>
    /// Applies a resident's contribution if it is newer than what the neighbourhood holds. Contributions interleave
    /// and are stored in batches: a neighbourhood of a thousand residents is not rewritten once per resident's change.
    /// </summary>
    [Alias("Apply")]
    [AlwaysInterleave]
    Task ApplyAsync(ResidentContribution contribution);

    /// <summary>Starts a regime trial for every resident; trials of one neighbourhood may not overlap.</summary>
    [Alias("StartTrial")]
    Task<NeighbourhoodView> StartTrialAsync(StartTrialCommand command);

    /// <summary>Ends a trial early: <c>lastDay</c> (ISO date) becomes its last day.</summary>
    [Alias("EndTrial")]
    Task<NeighbourhoodView> EndTrialAsync(string name, string lastDay);

    /// <summary>Every trial of the neighbourhood (none for an undefined one); answered even while a write is in progress.</summary>
    [Alias("GetTrials")]
    [AlwaysInterleave]
    Task<IReadOnlyList<TrialView>> GetTrialsAsync();

    /// <summary>Ids of the current residents after the given one, in ordinal order: the index a payment run walks.</summary>
    [Alias("ListResidents")]
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListResidentsAsync(string? after, int pageSize);

    /// <summary>Applies an activity's offer if it is newer than what the neighbourhood holds.</summary>
    [Alias("ApplyActivity")]
    [AlwaysInterleave]
    Task ApplyActivityAsync(ActivityOffer offer);

    /// <summary>
    /// The activities on offer here after the given id, in ordinal order of id, of one type or of any (null), with
    /// what a person choosing needs to know: the index people, coaches and teams find activities by, answered from
    /// this grain's state (ARCHITECTURE rule 3). Answered even while a write is in progress.
    /// </summary>
    [Alias("ListActivitiesOnOffer")]
    [AlwaysInterleave]
    Task<OfferPage> ListActivitiesOnOfferAsync(ActivityType? type, string? after, int pageSize);

    /// <summary>
    /// Replaces the contributions by fresh ones asked of every person the client directory places here and of every
    /// activity the neighbourhood knows, and returns the figures before and after: equal unless something was lost.
    /// </summary>
    [Alias("Rebuild")]
    Task<NeighbourhoodRebuild> RebuildAsync();
}
