using Participatie.Domain.Participation;

namespace Participatie.Abstractions.Partners;

/// <summary>Registers a partner organisation.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RegisterPartner")]
public sealed record RegisterPartnerCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] string Contact,
    [property: Id(2)] string RegisteredBy);

[GenerateSerializer, Immutable, Alias("participatie.PartnerView")]
public sealed record PartnerView(
    [property: Id(0)] string PartnerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Contact,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] int Activities);

/// <summary>An activity as its partner describes it.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ActivityData")]
public sealed record ActivityData(
    [property: Id(0)] string Title,
    [property: Id(1)] ActivityType Type,
    [property: Id(2)] string NeighbourhoodId,
    [property: Id(3)] int Capacity,
    [property: Id(4)] string Schedule,
    [property: Id(5)] string Contact);

[GenerateSerializer, Immutable, Alias("participatie.ActivityView")]
public sealed record ActivityView(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] ActivityData Details,
    [property: Id(3)] bool Open,
    [property: Id(4)] DateOnly? ClosedOn,
    [property: Id(5)] string? CloseReason,
    [property: Id(6)] int Enrolled,
    [property: Id(7)] int Waiting,
    [property: Id(8)] DateTimeOffset CreatedAt);

/// <summary>What the person (or their coach) sees of their place in an activity.</summary>
[GenerateSerializer, Immutable, Alias("participatie.EnrolmentView")]
public sealed record EnrolmentView(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] string Title,
    [property: Id(2)] ParticipantStatus Status,
    [property: Id(3)] string Reference);

/// <summary>
/// A participant: first name and reference, which is all the partner sees, and the client id, for the gateway's audit
/// only — it never goes into a partner's reply.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ParticipantView")]
public sealed record ParticipantView(
    [property: Id(0)] string Reference,
    [property: Id(1)] string FirstName,
    [property: Id(2)] ParticipantStatus Status,
    [property: Id(3)] DateTimeOffset AgreedAt,
    [property: Id(4)] DateTimeOffset? EnrolledAt,
    [property: Id(5)] int TotalMinutes,
    [property: Id(6)] DateOnly? LastAttended,
    [property: Id(7)] string ClientId);

/// <summary>Hours on one day for one participant, in its raw request form; the grain checks it.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RecordHours")]
public sealed record RecordHoursCommand(
    [property: Id(0)] string Reference,
    [property: Id(1)] string Date,
    [property: Id(2)] double Hours,
    [property: Id(3)] string RecordedBy);

/// <summary>A figure that was replaced by a correction.</summary>
[GenerateSerializer, Immutable, Alias("participatie.HoursEntry")]
public sealed record HoursEntry(
    [property: Id(0)] int Minutes,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] string RecordedBy);

/// <summary>
/// One participant's hours on one day: the figure in force and the ones it replaced, oldest first; the client id is for
/// the gateway's audit only.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.AttendanceView")]
public sealed record AttendanceView(
    [property: Id(0)] string Reference,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] HoursEntry Current,
    [property: Id(3)] IReadOnlyList<HoursEntry> History,
    [property: Id(4)] string ClientId);

/// <summary>
/// A page of participants' hours in a period: their days with hours in reference and day order, and the reference of
/// the page's last participant when the page was full (the next page starts after it), else null.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.HoursPage")]
public sealed record HoursPage(
    [property: Id(0)] IReadOnlyList<AttendanceView> Days,
    [property: Id(1)] string? LastReference);
