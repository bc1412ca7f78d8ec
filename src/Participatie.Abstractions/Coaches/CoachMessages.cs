using Participatie.Abstractions.Clients;

namespace Participatie.Abstractions.Coaches;

/// <summary>Creates a coach.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CreateCoach")]
public sealed record CreateCoachCommand(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] int CaseloadLimit,
    [property: Id(2)] string? NeighbourhoodId,
    [property: Id(3)] string? RequestId);

/// <summary>A coach without the caseload.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CoachView")]
public sealed record CoachView(
    [property: Id(0)] string CoachId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] int CaseloadLimit,
    [property: Id(3)] int CaseloadSize,
    [property: Id(4)] string? NeighbourhoodId,
    [property: Id(5)] DateTimeOffset CreatedAt);

/// <summary>One person in a caseload.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CaseloadEntryView")]
public sealed record CaseloadEntryView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] CaseloadSummary? Summary,
    [property: Id(2)] bool Pending,
    [property: Id(3)] DateTimeOffset AssignedAt);

/// <summary>A page of a caseload, ordered by client id.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CaseloadPage")]
public sealed record CaseloadPage(
    [property: Id(0)] CoachView Coach,
    [property: Id(1)] IReadOnlyList<CaseloadEntryView> Entries,
    [property: Id(2)] string? NextAfter);

/// <summary>
/// A person's record telling a coach where it stands with them: "in your caseload" or "not", at a version.
/// The coach keeps the newest version per person, so a repeated or late delivery changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.CaseloadContribution")]
public sealed record CaseloadContribution(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long Version,
    [property: Id(2)] bool InCaseload,
    [property: Id(3)] CaseloadSummary? Summary);

/// <summary>The outcome of a reconciliation of a caseload against the people's records.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ReconcileResult")]
public sealed record ReconcileResult(
    [property: Id(0)] int Checked,
    [property: Id(1)] int Confirmed,
    [property: Id(2)] int Removed);

/// <summary>A page of coaches in id order, with the id the next page starts after when more follow (else null).</summary>
[GenerateSerializer, Immutable, Alias("participatie.CoachPage")]
public sealed record CoachPage(
    [property: Id(0)] IReadOnlyList<CoachView> Coaches,
    [property: Id(1)] string? ContinueAfter);
