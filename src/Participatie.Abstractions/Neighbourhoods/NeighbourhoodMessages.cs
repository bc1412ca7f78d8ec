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
    [property: Id(8)] DateTimeOffset CreatedAt);

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
