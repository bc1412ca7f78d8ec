using Participatie.Abstractions.Regimes;
using Participatie.Domain.People;

namespace Participatie.Abstractions.Neighbourhoods;

/// <summary>Defines a neighbourhood.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CreateNeighbourhood")]
public sealed record CreateNeighbourhoodCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] string Municipality);

/// <summary>A neighbourhood and its live figures.</summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodView")]
public sealed record NeighbourhoodView(
    [property: Id(0)] string NeighbourhoodId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] int Residents,
    [property: Id(4)] int NotAssessed,
    [property: Id(5)] int WithinCut,
    [property: Id(6)] int BeyondCut,
    [property: Id(7)] int WithCoach,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] IReadOnlyList<TrialView> Trials);

/// <summary>Starts a neighbourhood trial; dates as ISO strings, checked by the grain.</summary>
[GenerateSerializer, Immutable, Alias("participatie.StartTrial")]
public sealed record StartTrialCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] RegimeSettingsData Settings,
    [property: Id(2)] string From,
    [property: Id(3)] string? Until,
    [property: Id(4)] string StartedBy);

/// <summary>A regime set on a whole neighbourhood for a period.</summary>
[GenerateSerializer, Immutable, Alias("participatie.TrialView")]
public sealed record TrialView(
    [property: Id(0)] string Name,
    [property: Id(1)] RegimeSettingsData Settings,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly? Until,
    [property: Id(4)] string StartedBy,
    [property: Id(5)] DateTimeOffset StartedAt);

/// <summary>
/// A person's record telling its neighbourhood what it contributes to the figures, at a version. The newest
/// version per person wins, so duplicates and late deliveries cannot make the figures drift.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ResidentContribution")]
public sealed record ResidentContribution(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Resident,
    [property: Id(3)] Segment Segment,
    [property: Id(4)] bool HasCoach);
