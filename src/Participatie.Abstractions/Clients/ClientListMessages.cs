using Participatie.Domain.People;

namespace Participatie.Abstractions.Clients;

/// <summary>Which people a list shows by their participation in the active window (Participation:ActiveWindows).</summary>
public enum ParticipationFilter
{
    /// <summary>Everyone, active or not.</summary>
    Any = 0,

    /// <summary>People who took part on a day within the window.</summary>
    Active = 1,

    /// <summary>People who did not (or never did).</summary>
    Inactive = 2,
}

/// <summary>Where a page of a list ends: the last person's name key and id (the list's order).</summary>
[GenerateSerializer, Immutable, Alias("participatie.ClientListPosition")]
public sealed record ClientListPosition(
    [property: Id(0)] string NameKey,
    [property: Id(1)] string ClientId);

/// <summary>
/// A list of people with filters, as the gateway has checked and scoped it for the caller. Null filters do not
/// filter; <see cref="NamePrefix"/> is already folded (<see cref="NameKeys.Fold"/>). Ordered by name key, then id.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ClientListQuery")]
public sealed record ClientListQuery(
    [property: Id(0)] string? CoachId,
    [property: Id(1)] string? NeighbourhoodId,
    [property: Id(2)] Segment? Segment,
    [property: Id(3)] ParticipationFilter Participation,
    [property: Id(4)] string? NamePrefix,
    [property: Id(5)] bool TeamInvolvedOnly,
    [property: Id(6)] bool IncludeEndedCases,
    [property: Id(7)] ClientListPosition? After,
    [property: Id(8)] int PageSize);

/// <summary>One person as a list shows them.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ClientListEntry")]
public sealed record ClientListEntry(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string GivenName,
    [property: Id(2)] string FamilyName,
    [property: Id(3)] string NeighbourhoodId,
    [property: Id(4)] string? CoachId,
    [property: Id(5)] Segment Segment,
    [property: Id(6)] DateOnly? LastParticipationOn,
    [property: Id(7)] bool Active,
    [property: Id(8)] DateOnly? CaseEndedOn);

/// <summary>A page of a list; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ClientListPage")]
public sealed record ClientListPage(
    [property: Id(0)] IReadOnlyList<ClientListEntry> Entries,
    [property: Id(1)] ClientListPosition? Next);
