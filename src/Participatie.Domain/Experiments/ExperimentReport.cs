using Participatie.Domain.Benefits;
using Participatie.Domain.Statistics;

namespace Participatie.Domain.Experiments;

/// <summary>What an experiment outcome measures (DOMAIN.md: the outcomes the trust experiments reported).</summary>
public enum OutcomeMeasure
{
    Unspecified = 0,

    /// <summary>Share with paid work of at least <see cref="ExperimentReport.PartTimeHoursPerWeek"/> hours a week.</summary>
    Work12Hours = 1,

    /// <summary>Share with paid work of over <see cref="BenefitCalculator.FullTimeHoursPerWeek"/> hours a week.</summary>
    WorkOver27Hours = 2,

    /// <summary>Share fully independent of assistance.</summary>
    Independent = 3,

    /// <summary>Mean hours of social participation in the month.</summary>
    ParticipationHours = 4,

    /// <summary>Mean well-being on a scale of 0–10, among those for whom it was measured.</summary>
    WellBeing = 5,
}

/// <summary>One person's outcomes in one month.</summary>
/// <param name="HoursWorkedPerWeek">Hours of paid work a week.</param>
/// <param name="Independent">Fully independent of assistance.</param>
/// <param name="ParticipationHours">Hours of social participation in the month.</param>
/// <param name="WellBeing">Well-being 0–10, when measured.</param>
/// <param name="Synthetic">Generated demonstration data.</param>
public sealed record MonthlyOutcome(double HoursWorkedPerWeek, bool Independent, double ParticipationHours, int? WellBeing, bool Synthetic);

/// <summary>A person drawn into an arm, as the report sees them: no id, only the arm, take-up and the month's outcome.</summary>
/// <param name="Arm">The arm they were drawn into.</param>
/// <param name="Treated">Whether they received the arm's treatment in the month (had not withdrawn).</param>
/// <param name="Withdrawn">Whether they have withdrawn at all.</param>
/// <param name="Outcome">The month's outcome; null when none was recorded.</param>
public sealed record ReportedParticipant(string Arm, bool Treated, bool Withdrawn, MonthlyOutcome? Outcome);

/// <summary>One outcome of an arm: against control for a treatment arm, the group's own estimate for the control arm.</summary>
public sealed record MeasureComparison(OutcomeMeasure Measure, ArmComparison Comparison);

/// <summary>
/// One arm of the report. When <see cref="Suppressed"/>, every count and figure is left out (zero or empty): a small
/// group could identify people.
/// </summary>
public sealed record ArmReport(
    string Arm,
    ArmKind Kind,
    bool IsControl,
    bool Suppressed,
    string? SuppressedReason,
    int Assigned,
    int Withdrawn,
    int WithOutcome,
    double? TreatedShare,
    int SyntheticOutcomes,
    IReadOnlyList<MeasureComparison> Outcomes);

/// <summary>
/// The experiment report: every arm against the control group on one month's outcomes, intention to treat (everyone
/// drawn into an arm counts, withdrawn or not), with the effect on the treated as the ITT effect divided by the share
/// of the arm that still received the treatment. Shares use the two-proportion z-test, means Welch's t-test (see
/// <see cref="ArmComparisons"/>). Pseudonymised: it holds no ids, and an arm is suppressed when it or the control group
/// has fewer than <see cref="SuppressionThreshold"/> people with an outcome.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Cells of fewer people than this are not reported (DOMAIN.md: aggregates suppress small cells).</summary>
    public const int SuppressionThreshold = 10;

    /// <summary>Paid work of at least this many hours a week counts for <see cref="OutcomeMeasure.Work12Hours"/>.</summary>
    public const int PartTimeHoursPerWeek = 12;

    /// <summary>The measures in report order.</summary>
    public static IReadOnlyList<OutcomeMeasure> Measures { get; } =
    [
        OutcomeMeasure.Work12Hours, OutcomeMeasure.WorkOver27Hours, OutcomeMeasure.Independent, OutcomeMeasure.ParticipationHours, OutcomeMeasure.WellBeing,
    ];

    /// <summary>Reports every arm of <paramref name="arms"/> (design order), the control arm included.</summary>
    public static IReadOnlyList<ArmReport> Compare(IReadOnlyList<ExperimentArm> arms, IReadOnlyCollection<ReportedParticipant> participants)
    {
        var control = arms.Single(a => a.Kind == ArmKind.Control);
        var controlGroup = Measured(participants, control.Name);
        return [.. arms.Select(arm => arm == control ? ControlReport(arm, participants, controlGroup) : ArmReportFor(arm, participants, controlGroup))];
    }

    private static ArmReport ArmReportFor(ExperimentArm arm, IReadOnlyCollection<ReportedParticipant> participants, List<ReportedParticipant> controlGroup)
    {
        var group = Measured(participants, arm.Name);
        if (SuppressionReason(group.Count, controlGroup.Count) is { } reason)
        {
            return Suppressed(arm, reason);
        }

        var treated = group.Count(p => p.Treated);
        var comparisons = Measures.Select(measure => new MeasureComparison(measure, Compare(measure, group, controlGroup, treated))).ToList();
        return new ArmReport(
            arm.Name, arm.Kind, IsControl: false, Suppressed: false, null,
            participants.Count(p => p.Arm == arm.Name),
            participants.Count(p => p.Arm == arm.Name && p.Withdrawn),
            group.Count,
            (double)treated / group.Count,
            group.Count(p => p.Outcome!.Synthetic),
            comparisons);
    }

    private static ArmReport ControlReport(ExperimentArm arm, IReadOnlyCollection<ReportedParticipant> participants, List<ReportedParticipant> group)
    {
        if (SuppressionReason(group.Count, group.Count) is { } reason)
        {
            return Suppressed(arm, reason);
        }

        var comparisons = Measures.Select(measure =>
        {
            var own = Compare(measure, group, group, treatedInArm: null);
            return new MeasureComparison(measure, own with
            {
                Difference = null, StandardError = null, IntervalLow = null, IntervalHigh = null, TestStatistic = null, DegreesOfFreedom = null, PValue = null,
                EffectOnTreated = new EffectOnTreated(null, null, "the control group receives no treatment"),
                NotAvailable = "the control group is what every arm is compared with",
            });
        }).ToList();
        return new ArmReport(
            arm.Name, arm.Kind, IsControl: true, Suppressed: false, null,
            participants.Count(p => p.Arm == arm.Name),
            participants.Count(p => p.Arm == arm.Name && p.Withdrawn),
            group.Count,
            null,
            group.Count(p => p.Outcome!.Synthetic),
            comparisons);
    }

    private static ArmComparison Compare(OutcomeMeasure measure, List<ReportedParticipant> arm, List<ReportedParticipant> control, int? treatedInArm) => measure switch
    {
        OutcomeMeasure.Work12Hours => ArmComparisons.Shares(Share(arm, o => o.HoursWorkedPerWeek >= PartTimeHoursPerWeek), Share(control, o => o.HoursWorkedPerWeek >= PartTimeHoursPerWeek), treatedInArm),
        OutcomeMeasure.WorkOver27Hours => ArmComparisons.Shares(Share(arm, FullTime), Share(control, FullTime), treatedInArm),
        OutcomeMeasure.Independent => ArmComparisons.Shares(Share(arm, o => o.Independent), Share(control, o => o.Independent), treatedInArm),
        OutcomeMeasure.ParticipationHours => ArmComparisons.Means(Mean(arm, o => o.ParticipationHours), Mean(control, o => o.ParticipationHours), treatedInArm),
        OutcomeMeasure.WellBeing => WellBeing(arm, control, treatedInArm),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Well-being counts only those for whom it was measured, so take-up is counted among them too.</summary>
    private static ArmComparison WellBeing(List<ReportedParticipant> arm, List<ReportedParticipant> control, int? treatedInArm)
    {
        var measuredArm = arm.Where(p => p.Outcome!.WellBeing is not null).ToList();
        var measuredControl = control.Where(p => p.Outcome!.WellBeing is not null).ToList();
        return ArmComparisons.Means(
            Mean(measuredArm, o => o.WellBeing!.Value),
            Mean(measuredControl, o => o.WellBeing!.Value),
            treatedInArm is null ? null : measuredArm.Count(p => p.Treated));
    }

    private static bool FullTime(MonthlyOutcome outcome) => outcome.HoursWorkedPerWeek > BenefitCalculator.FullTimeHoursPerWeek;

    private static ShareSample Share(List<ReportedParticipant> group, Func<MonthlyOutcome, bool> yes) =>
        new(group.Count, group.Count(p => yes(p.Outcome!)));

    private static MeanSample Mean(List<ReportedParticipant> group, Func<MonthlyOutcome, double> value) =>
        MeanSample.Of([.. group.Select(p => value(p.Outcome!))]);

    private static List<ReportedParticipant> Measured(IEnumerable<ReportedParticipant> participants, string arm) =>
        [.. participants.Where(p => p.Arm == arm && p.Outcome is not null)];

    private static string? SuppressionReason(int armCount, int controlCount) =>
        armCount < SuppressionThreshold
            ? $"fewer than {SuppressionThreshold} people in the arm have an outcome this month"
            : controlCount < SuppressionThreshold
                ? $"fewer than {SuppressionThreshold} people in the control group have an outcome this month"
                : null;

    private static ArmReport Suppressed(ExperimentArm arm, string reason) =>
        new(arm.Name, arm.Kind, arm.Kind == ArmKind.Control, Suppressed: true, reason, 0, 0, 0, null, 0, []);
}
