using Participatie.Domain.Participation;
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
    [property: Id(9)] IReadOnlyList<TrialView> Trials,
    [property: Id(10)] NeighbourhoodActivity? Activity = null);

/// <summary>
/// What goes on in a neighbourhood, as of <see cref="On"/>: residents active (participation within the window in force),
/// minutes of participation this month, residents who started work this year, and activities on offer.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodActivity")]
public sealed record NeighbourhoodActivity(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] int ActiveResidents,
    [property: Id(2)] int ParticipationMinutesThisMonth,
    [property: Id(3)] int OutflowToWorkThisYear,
    [property: Id(4)] int ActivitiesOnOffer);

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
    [property: Id(4)] bool HasCoach,
    [property: Id(5)] DateOnly? LastParticipationOn = null,
    [property: Id(6)] IReadOnlyList<MonthMinutes>? Participation = null,
    [property: Id(7)] DateOnly? OutflowOn = null);

/// <summary>Minutes of participation in a month (the month's first day).</summary>
[GenerateSerializer, Immutable, Alias("participatie.MonthMinutes")]
public sealed record MonthMinutes(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] int Minutes);

/// <summary>
/// An activity telling its neighbourhood whether it is on offer there, of what type and with what a person choosing
/// needs to know, at a version ("set if newer"). The type and the details are null in offers sent before they were
/// part of them; a rebuild asks again, and until then a search asks the activity itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ActivityOffer")]
public sealed record ActivityOffer(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] long Version,
    [property: Id(2)] bool OnOffer,
    [property: Id(3)] ActivityType? Type = null,
    [property: Id(4)] OfferDetails? Details = null);

/// <summary>What the neighbourhood's offer shows of an activity: enough to choose it and sign up, nobody's name.</summary>
[GenerateSerializer, Immutable, Alias("participatie.OfferDetails")]
public sealed record OfferDetails(
    [property: Id(0)] string Title,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] string PartnerName,
    [property: Id(3)] string Schedule,
    [property: Id(4)] string Contact,
    [property: Id(5)] int Capacity,
    [property: Id(6)] int Enrolled,
    [property: Id(7)] int Waiting);

/// <summary>
/// A page of the neighbourhood's offer, and the id to go on after when the index may hold more (null at its end). The
/// page can be shorter than asked when an offer turned out closed while the page was read.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.OfferPage")]
public sealed record OfferPage(
    [property: Id(0)] IReadOnlyList<ActivityOnOffer> Offers,
    [property: Id(1)] string? ContinueAfter);

/// <summary>An activity on offer in a neighbourhood, as the neighbourhood's index holds it.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ActivityOnOffer")]
public sealed record ActivityOnOffer(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] ActivityType Type,
    [property: Id(2)] OfferDetails Details);

/// <summary>A neighbourhood's figures as they were, and as rebuilt from the people's records and the activities.</summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodRebuild")]
public sealed record NeighbourhoodRebuild(
    [property: Id(0)] NeighbourhoodView Before,
    [property: Id(1)] NeighbourhoodView After,
    [property: Id(2)] int PeopleAsked,
    [property: Id(3)] int ActivitiesAsked);

/// <summary>
/// A page of neighbourhoods in id order, with the id the next page starts after when more follow (else null).
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodPage")]
public sealed record NeighbourhoodPage(
    [property: Id(0)] IReadOnlyList<NeighbourhoodView> Neighbourhoods,
    [property: Id(1)] string? ContinueAfter);
