using Participatie.Domain.People;

namespace Participatie.Abstractions.Clients;

/// <summary>The reintegration factors as they travel between grains.</summary>
[GenerateSerializer, Immutable, Alias("participatie.Factors")]
public sealed record FactorsData(
    [property: Id(0)] EducationLevel Education,
    [property: Id(1)] int WorkExperienceYears,
    [property: Id(2)] LanguageProficiency Language,
    [property: Id(3)] HealthLimitation Health,
    [property: Id(4)] IReadOnlyList<SocialCircumstance> SocialCircumstances,
    [property: Id(5)] int YearsOnAssistance);

/// <summary>Registers a person at intake.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RegisterClient")]
public sealed record RegisterClientCommand(
    [property: Id(0)] string GivenName,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] string DateOfBirth,
    [property: Id(3)] HouseholdType HouseholdType,
    [property: Id(4)] string Postcode,
    [property: Id(5)] string NeighbourhoodId,
    [property: Id(6)] FactorsData? Factors,
    [property: Id(7)] string RegisteredBy,
    [property: Id(8)] string? RequestId);

/// <summary>One factor's part in an estimate.</summary>
[GenerateSerializer, Immutable, Alias("participatie.FactorContribution")]
public sealed record ContributionView(
    [property: Id(0)] string Factor,
    [property: Id(1)] string Value,
    [property: Id(2)] int Months);

/// <summary>A reintegration estimate as stored and shown, with how it was reached.</summary>
[GenerateSerializer, Immutable, Alias("participatie.Estimate")]
public sealed record EstimateView(
    [property: Id(0)] int Months,
    [property: Id(1)] int ComputedMonths,
    [property: Id(2)] IReadOnlyList<ContributionView> Contributions,
    [property: Id(3)] int CutMonths,
    [property: Id(4)] Segment Segment,
    [property: Id(5)] string Model,
    [property: Id(6)] DateOnly ModelEffectiveFrom,
    [property: Id(7)] bool Overridden,
    [property: Id(8)] string? OverrideReason,
    [property: Id(9)] string? OverriddenBy,
    [property: Id(10)] DateTimeOffset AssessedAt,
    [property: Id(11)] string AssessedBy);

/// <summary>A person's record as staff see it.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ClientView")]
public sealed record ClientView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string GivenName,
    [property: Id(2)] string FamilyName,
    [property: Id(3)] DateOnly DateOfBirth,
    [property: Id(4)] HouseholdType HouseholdType,
    [property: Id(5)] string Postcode,
    [property: Id(6)] string NeighbourhoodId,
    [property: Id(7)] FactorsData Factors,
    [property: Id(8)] EstimateView? CurrentEstimate,
    [property: Id(9)] IReadOnlyList<EstimateView> EstimateHistory,
    [property: Id(10)] string? CoachId,
    [property: Id(11)] DateTimeOffset RegisteredAt)
{
    /// <summary>The person agreed that the neighbourhood team may see the record.</summary>
    [Id(100)] public bool TeamInvolvement { get; init; }

    [Id(101)] public bool HasPaymentDetails { get; init; }

    [Id(102)] public DateOnly? CaseEndedOn { get; init; }

    [Id(103)] public bool LegalHold { get; init; }

    [Id(104)] public bool Anonymised { get; init; }

    /// <summary>The last contact with the person that the contact journal records (follow-ups count from it).</summary>
    [Id(300)] public DateOnly? LastContactOn { get; init; }
    /// <summary>Active or not, from the hours partners recorded; set on reads of the record (GetAsync).</summary>
    [Id(120)] public ParticipationSummary? Participation { get; init; }
}

/// <summary>What the gateway checks a caller against: whose coach, which neighbourhood, whether the team may look.</summary>
[GenerateSerializer, Immutable, Alias("participatie.AccessFacts")]
public sealed record AccessFacts(
    [property: Id(0)] bool Registered,
    [property: Id(1)] string? CoachId,
    [property: Id(2)] string? NeighbourhoodId,
    [property: Id(3)] bool TeamInvolvement);

/// <summary>An ended case and the date its record is due to be anonymised.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CaseEnd")]
public sealed record CaseEnd(
    [property: Id(0)] ClientView Client,
    [property: Id(1)] DateOnly AnonymiseOn);

/// <summary>What a person's record says about their coach: the truth that caseloads are reconciled against.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CoachAssignment")]
public sealed record CoachAssignment(
    [property: Id(0)] string? CoachId,
    [property: Id(1)] long Version,
    [property: Id(2)] CaseloadSummary? Summary);

/// <summary>What a coach's list shows of one person; sent by the person's grain with each change.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CaseloadSummary")]
public sealed record CaseloadSummary(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string NeighbourhoodId,
    [property: Id(2)] Segment Segment,
    [property: Id(3)] DateOnly? LastContactOn = null,
    [property: Id(4)] int? ContactIntervalDays = null);
