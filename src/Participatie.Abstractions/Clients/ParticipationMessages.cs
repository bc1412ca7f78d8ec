using Participatie.Domain.Participation;

namespace Participatie.Abstractions.Clients;

/// <summary>What an activity needs of a person who agrees to take part: whether they can, and the first name partners see.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ParticipantFacts")]
public sealed record ParticipantFacts(
    [property: Id(0)] bool Registered,
    [property: Id(1)] string FirstName,
    [property: Id(2)] bool CaseEnded);

/// <summary>Minutes attended on a day.</summary>
[GenerateSerializer, Immutable, Alias("participatie.DayMinutes")]
public sealed record DayMinutes(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Minutes);

/// <summary>
/// An activity's whole contribution to one person's record: their status and every day's hours in force. It carries
/// the activity's version for this person, so a repeated or late delivery changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ParticipationContribution")]
public sealed record ParticipationContribution(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] long Version,
    [property: Id(2)] ActivityType Type,
    [property: Id(3)] ParticipantStatus Status,
    [property: Id(4)] IReadOnlyList<DayMinutes> Days);

/// <summary>Whether the person is active: participation within the window in force today.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ParticipationSummary")]
public sealed record ParticipationSummary(
    [property: Id(0)] bool Active,
    [property: Id(1)] DateOnly? LastParticipationOn,
    [property: Id(2)] int WindowDays);

/// <summary>What the record holds of one activity, with the activity's title and its partner's name to show it by.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ActivityParticipationView")]
public sealed record ActivityParticipationView(
    [property: Id(0)] ParticipationContribution Held,
    [property: Id(1)] string Title,
    [property: Id(2)] string PartnerName);
