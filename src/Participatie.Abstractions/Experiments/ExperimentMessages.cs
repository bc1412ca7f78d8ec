using Participatie.Abstractions.Regimes;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Statistics;

namespace Participatie.Abstractions.Experiments;

/// <summary>One arm as a caller defines it and as it is shown.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ArmData")]
public sealed record ArmData(
    [property: Id(0)] string Name,
    [property: Id(1)] ArmKind Kind,
    [property: Id(2)] int Capacity,
    [property: Id(3)] RegimeSettingsData Regime);

/// <summary>Who may sign up; empty lists admit everyone on that characteristic.</summary>
[GenerateSerializer, Immutable, Alias("participatie.EligibilityData")]
public sealed record EligibilityData(
    [property: Id(0)] int MinimumAge,
    [property: Id(1)] int? MaximumAge,
    [property: Id(2)] IReadOnlyList<Segment> Segments,
    [property: Id(3)] IReadOnlyList<string> Neighbourhoods,
    [property: Id(4)] IReadOnlyList<HouseholdType> HouseholdTypes);

/// <summary>Defines an experiment; dates as ISO strings, checked by the grain.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CreateExperiment")]
public sealed record CreateExperimentCommand(
    [property: Id(0)] string Title,
    [property: Id(1)] string Start,
    [property: Id(2)] string End,
    [property: Id(3)] IReadOnlyList<ArmData> Arms,
    [property: Id(4)] EligibilityData Eligibility,
    [property: Id(5)] IReadOnlyList<StratumFactor> Strata,
    [property: Id(6)] IReadOnlyList<int> AgeBandStarts,
    [property: Id(7)] BlockWeighting Blocks,
    [property: Id(8)] string CreatedBy);

/// <summary>The recorded draw: everything needed to draw it again.</summary>
[GenerateSerializer, Immutable, Alias("participatie.DrawView")]
public sealed record DrawView(
    [property: Id(0)] string Algorithm,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] bool SeedGenerated,
    [property: Id(3)] DateOnly DrawDate,
    [property: Id(4)] DateTimeOffset DrawnAt,
    [property: Id(5)] string DrawnBy,
    [property: Id(6)] int Candidates,
    [property: Id(7)] int Assigned,
    [property: Id(8)] int WaitingList,
    [property: Id(9)] int Ineligible);

/// <summary>Per arm: drawn into it, and withdrawn since.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ArmCount")]
public sealed record ArmCountView(
    [property: Id(0)] string Arm,
    [property: Id(1)] int Assigned,
    [property: Id(2)] int Withdrawn);

/// <summary>An experiment: its design and counts; no person is named.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentView")]
public sealed record ExperimentView(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly Start,
    [property: Id(3)] DateOnly End,
    [property: Id(4)] IReadOnlyList<ArmData> Arms,
    [property: Id(5)] EligibilityData Eligibility,
    [property: Id(6)] IReadOnlyList<StratumFactor> Strata,
    [property: Id(7)] IReadOnlyList<int> AgeBandStarts,
    [property: Id(8)] BlockWeighting Blocks,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] int SignedUp,
    [property: Id(12)] int Withdrawn,
    [property: Id(13)] DrawView? Draw,
    [property: Id(14)] IReadOnlyList<ArmCountView> ArmCounts,
    [property: Id(15)] int MembersToInform);

/// <summary>A sign-up with the consent the person gave.</summary>
[GenerateSerializer, Immutable, Alias("participatie.SignUp")]
public sealed record SignUpCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] ConsentData? Consent,
    [property: Id(2)] string RecordedBy);

/// <summary>Draws the lottery; without a seed one is generated. Either way it is recorded.</summary>
[GenerateSerializer, Immutable, Alias("participatie.Draw")]
public sealed record DrawCommand(
    [property: Id(0)] ulong? Seed,
    [property: Id(1)] string? Algorithm,
    [property: Id(2)] string DrawnBy);

/// <summary>The outcome of drawing again from what was recorded.</summary>
[GenerateSerializer, Immutable, Alias("participatie.DrawVerification")]
public sealed record DrawVerification(
    [property: Id(0)] bool Matches,
    [property: Id(1)] int Compared,
    [property: Id(2)] int Differences,
    [property: Id(3)] DrawView Draw);

/// <summary>Where a person stands in an experiment.</summary>
public enum ParticipationStatus
{
    Unspecified = 0,
    SignedUp = 1,
    Assigned = 2,
    WaitingList = 3,
    Ineligible = 4,
}

/// <summary>One person's place in an experiment.</summary>
[GenerateSerializer, Immutable, Alias("participatie.AssignmentView")]
public sealed record AssignmentView(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] string ClientId,
    [property: Id(2)] ParticipationStatus Status,
    [property: Id(3)] string? Arm,
    [property: Id(4)] ArmKind ArmKind,
    [property: Id(5)] string? Stratum,
    [property: Id(6)] int? WaitingListPosition,
    [property: Id(7)] IReadOnlyList<string> IneligibleReasons,
    [property: Id(8)] DateTimeOffset SignedUpAt,
    [property: Id(9)] string ConsentVersion,
    [property: Id(10)] DateTimeOffset ConsentGivenAt,
    [property: Id(11)] bool Withdrawn,
    [property: Id(12)] DateOnly? WithdrawnOn);

/// <summary>One person's outcome in one month, as a caller sends it; the month as <c>yyyy-MM</c>.</summary>
[GenerateSerializer, Immutable, Alias("participatie.OutcomeData")]
public sealed record OutcomeData(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Month,
    [property: Id(2)] double HoursWorkedPerWeek,
    [property: Id(3)] bool Independent,
    [property: Id(4)] double ParticipationHours,
    [property: Id(5)] int? WellBeing,
    [property: Id(6)] bool Synthetic);

/// <summary>Outcomes to record, all or nothing.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RecordOutcomes")]
public sealed record RecordOutcomesCommand(
    [property: Id(0)] IReadOnlyList<OutcomeData> Outcomes,
    [property: Id(1)] string RecordedBy);

[GenerateSerializer, Immutable, Alias("participatie.OutcomesRecorded")]
public sealed record OutcomesRecorded(
    [property: Id(0)] int Recorded,
    [property: Id(1)] int Total);

/// <summary>One outcome of an arm against control (or, for the control arm, its own estimate).</summary>
[GenerateSerializer, Immutable, Alias("participatie.OutcomeComparison")]
public sealed record OutcomeComparisonView(
    [property: Id(0)] OutcomeMeasure Measure,
    [property: Id(1)] ComparisonMethod Method,
    [property: Id(2)] int ArmCount,
    [property: Id(3)] int ControlCount,
    [property: Id(4)] double? ArmEstimate,
    [property: Id(5)] double? ControlEstimate,
    [property: Id(6)] double? Difference,
    [property: Id(7)] double? StandardError,
    [property: Id(8)] double? IntervalLow,
    [property: Id(9)] double? IntervalHigh,
    [property: Id(10)] double? TestStatistic,
    [property: Id(11)] double? DegreesOfFreedom,
    [property: Id(12)] double? PValue,
    [property: Id(13)] double? EffectOnTreated,
    [property: Id(14)] string? NotAvailable,
    [property: Id(15)] string? EffectOnTreatedNotAvailable)
{
    public static OutcomeComparisonView Of(MeasureComparison m)
    {
        var c = m.Comparison;
        return new(m.Measure, c.Method, c.ArmCount, c.ControlCount, c.ArmEstimate, c.ControlEstimate, c.Difference, c.StandardError,
            c.IntervalLow, c.IntervalHigh, c.TestStatistic, c.DegreesOfFreedom, c.PValue, c.EffectOnTreated.Value, c.NotAvailable, c.EffectOnTreated.NotAvailable);
    }
}

/// <summary>One arm of the results; every figure left out when suppressed.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ArmResult")]
public sealed record ArmResultView(
    [property: Id(0)] string Arm,
    [property: Id(1)] ArmKind Kind,
    [property: Id(2)] bool IsControl,
    [property: Id(3)] bool Suppressed,
    [property: Id(4)] string? SuppressedReason,
    [property: Id(5)] int Assigned,
    [property: Id(6)] int Withdrawn,
    [property: Id(7)] int WithOutcome,
    [property: Id(8)] double? TreatedShare,
    [property: Id(9)] int SyntheticOutcomes,
    [property: Id(10)] IReadOnlyList<OutcomeComparisonView> Outcomes)
{
    public static ArmResultView Of(ArmReport r) => new(
        r.Arm, r.Kind, r.IsControl, r.Suppressed, r.SuppressedReason, r.Assigned, r.Withdrawn, r.WithOutcome, r.TreatedShare, r.SyntheticOutcomes,
        [.. r.Outcomes.Select(OutcomeComparisonView.Of)]);
}

/// <summary>The experiment's results for one month's outcomes: aggregates only.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentResults")]
public sealed record ExperimentResults(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly? Month,
    [property: Id(3)] string ControlArm,
    [property: Id(4)] IReadOnlyList<ArmResultView> Arms,
    [property: Id(5)] int Outcomes,
    [property: Id(6)] int SyntheticOutcomes,
    [property: Id(7)] int SuppressionThreshold);

/// <summary>What an experiment needs to know of a person to check eligibility and balance the lottery; no name.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentCandidate")]
public sealed record ExperimentCandidate(
    [property: Id(0)] DateOnly DateOfBirth,
    [property: Id(1)] Segment Segment,
    [property: Id(2)] string NeighbourhoodId,
    [property: Id(3)] HouseholdType HouseholdType);

/// <summary>An experiment asking a person's record to note a sign-up (refused while another experiment overlaps).</summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentEnrolment")]
public sealed record ExperimentEnrolment(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] DateOnly Start,
    [property: Id(2)] DateOnly End);

/// <summary>Where a person's record stands in one experiment.</summary>
public enum MembershipStatus
{
    Unspecified = 0,

    /// <summary>Signed up, not yet drawn.</summary>
    SignedUp = 1,

    /// <summary>Drawn into an arm; the arm's regime applies from <see cref="ExperimentMembership.From"/> to <see cref="ExperimentMembership.Until"/>.</summary>
    Assigned = 2,

    /// <summary>Not drawn into an arm: waiting list, ineligible, or withdrawn before the draw.</summary>
    NotAssigned = 3,
}

/// <summary>
/// An experiment telling a person's record where they stand, at a version: the record keeps the newest version per
/// experiment, so a repeated or late delivery changes nothing. The experiment is the truth about the assignment.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentMembership")]
public sealed record ExperimentMembership(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] string LayerName,
    [property: Id(2)] long Version,
    [property: Id(3)] MembershipStatus Status,
    [property: Id(4)] string? Arm,
    [property: Id(5)] RegimeSettingsData? Regime,
    [property: Id(6)] DateOnly Start,
    [property: Id(7)] DateOnly End,
    [property: Id(8)] DateOnly? From,
    [property: Id(9)] DateOnly? Until,
    [property: Id(10)] bool Withdrawn);

/// <summary>A page of experiments in id order, with the id the next page starts after when more follow (else null).</summary>
[GenerateSerializer, Immutable, Alias("participatie.ExperimentPage")]
public sealed record ExperimentPage(
    [property: Id(0)] IReadOnlyList<ExperimentView> Experiments,
    [property: Id(1)] string? ContinueAfter);
