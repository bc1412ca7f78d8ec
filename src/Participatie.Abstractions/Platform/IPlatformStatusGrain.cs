using Orleans.Concurrency;
namespace Participatie.Abstractions.Platform;

/// <summary>
/// The platform's figures (ARCHITECTURE rule 3): each neighbourhood and coach reports its own figures through its outbox,
/// versioned, and this keeps the newest of each, so the status is one call instead of a fan-out over every grain.
/// Key: <see cref="DirectoryKeys.Platform"/>.
/// </summary>
[Alias("participatie.IPlatformStatusGrain")]
public interface IPlatformStatusGrain : IGrainWithStringKey
{
    /// <summary>Keeps a neighbourhood's figures if they are newer than those held; never waits on anything.</summary>
    [Alias("ReportNeighbourhood")]
    [AlwaysInterleave]
    Task ReportNeighbourhoodAsync(NeighbourhoodFigures figures);

    /// <summary>Keeps a coach's figures if they are newer than those held; never waits on anything.</summary>
    [Alias("ReportCoach")]
    [AlwaysInterleave]
    Task ReportCoachAsync(CoachFigures figures);

    /// <summary>The totals; a change reaches them once its grain's outbox delivered it.</summary>
    [Alias("Get")]
    Task<PlatformFigures> GetAsync();
}

/// <summary>One neighbourhood's counts of residents, at a version that grows with every change of them.</summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodFigures")]
public sealed record NeighbourhoodFigures(
    [property: Id(0)] string NeighbourhoodId,
    [property: Id(1)] long Version,
    [property: Id(2)] int Residents,
    [property: Id(3)] int WithCoach,
    [property: Id(4)] int WithinCut,
    [property: Id(5)] int BeyondCut,
    [property: Id(6)] int NotAssessed);

/// <summary>One coach's caseload limit and size, at a version that grows with every change of them.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CoachFigures")]
public sealed record CoachFigures(
    [property: Id(0)] string CoachId,
    [property: Id(1)] long Version,
    [property: Id(2)] int CaseloadLimit,
    [property: Id(3)] int CaseloadSize);

/// <summary>The platform's totals over every neighbourhood and coach.</summary>
[GenerateSerializer, Immutable, Alias("participatie.PlatformFigures")]
public sealed record PlatformFigures(
    [property: Id(0)] int Neighbourhoods,
    [property: Id(1)] int Coaches,
    [property: Id(2)] int Clients,
    [property: Id(3)] int ClientsWithCoach,
    [property: Id(4)] int ClientsWithinCut,
    [property: Id(5)] int ClientsBeyondCut,
    [property: Id(6)] int ClientsNotAssessed,
    [property: Id(7)] int CaseloadCapacity,
    [property: Id(8)] int CaseloadUsed);
