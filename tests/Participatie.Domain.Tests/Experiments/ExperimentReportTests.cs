using Participatie.Domain.Experiments;
using Participatie.Domain.Regimes;
using Participatie.Domain.Statistics;

namespace Participatie.Domain.Tests.Experiments;

public sealed class ExperimentReportTests
{
    private static readonly IReadOnlyList<ExperimentArm> Arms =
    [
        new("control", ArmKind.Control, 100, RegimeOverrides.None),
        new("zelf-in-actie", ArmKind.Exemption, 100, new RegimeOverrides(JobSearch: JobSearchObligation.Exempt)),
        new("extra-hulp", ArmKind.ExtraGuidance, 100, new RegimeOverrides(CaseloadCap: 50)),
    ];

    [Fact]
    public void EveryMeasureOfAnArmIsTheDomainsComparisonWithControlIntentionToTreat()
    {
        // Utrecht's exemption arm about two years after the end: 24% working 12+ hours a week against 15% (DOMAIN.md).
        var participants = Group("control", 100, working: 15, treated: false)
            .Concat(Group("zelf-in-actie", 100, working: 24, treated: true, withdrawn: 20))
            .Concat(Group("extra-hulp", 100, working: 15, treated: true))
            .ToList();

        var report = ExperimentReport.Compare(Arms, participants);

        Assert.Equal(["control", "zelf-in-actie", "extra-hulp"], report.Select(a => a.Arm));
        var arm = report[1];
        Assert.Equal((100, 20, 100, 0.8), (arm.Assigned, arm.Withdrawn, arm.WithOutcome, arm.TreatedShare));
        Assert.Equal(ExperimentReport.Measures, arm.Outcomes.Select(o => o.Measure));
        var work = arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours).Comparison;
        Assert.Equal(ArmComparisons.Shares(new ShareSample(100, 24), new ShareSample(100, 15), treatedInArm: 80), work);
        Assert.Equal(0.09 / 0.8, work.EffectOnTreated.Value!.Value, 12);
        Assert.Equal(ComparisonMethod.WelchT, arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.ParticipationHours).Comparison.Method);
        Assert.Equal(0, report[2].Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours).Comparison.Difference);
    }

    [Fact]
    public void TheControlArmReportsItsOwnEstimatesButNoTest()
    {
        var report = ExperimentReport.Compare(Arms, [.. Group("control", 20, working: 5, treated: false), .. Group("zelf-in-actie", 20, working: 10, treated: true)]);

        var control = report[0];
        Assert.True(control.IsControl);
        Assert.Null(control.TreatedShare);
        var work = control.Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours).Comparison;
        Assert.Equal((0.25, 20), (work.ArmEstimate, work.ArmCount));
        Assert.Null(work.Difference);
        Assert.Null(work.PValue);
        Assert.NotNull(work.NotAvailable);
    }

    [Fact]
    public void ArmsWithFewerThanTenOutcomesAreSuppressedAndAllArmsWhenControlIs()
    {
        var fewInArm = ExperimentReport.Compare(Arms, [.. Group("control", 10, 2, false), .. Group("zelf-in-actie", 9, 2, true), .. Group("extra-hulp", 10, 2, true)]);
        var fewInControl = ExperimentReport.Compare(Arms, [.. Group("control", 9, 2, false), .. Group("zelf-in-actie", 50, 2, true)]);

        Assert.Equal([false, true, false], fewInArm.Select(a => a.Suppressed));
        Assert.Equal((0, 0, 0), (fewInArm[1].Assigned, fewInArm[1].WithOutcome, fewInArm[1].Outcomes.Count));
        Assert.Contains("in the arm", fewInArm[1].SuppressedReason);
        Assert.All(fewInControl, a => Assert.True(a.Suppressed));
        Assert.Contains("control group", fewInControl[1].SuppressedReason);
    }

    [Fact]
    public void PeopleWithoutAnOutcomeCountAsAssignedButNotMeasuredAndWellBeingCountsOnlyWhereMeasured()
    {
        var participants = Group("control", 12, 3, false).Concat(Group("zelf-in-actie", 12, 3, true)).Append(new ReportedParticipant("zelf-in-actie", true, false, null)).ToList();
        participants[0] = participants[0] with { Outcome = participants[0].Outcome! with { WellBeing = null } };

        var report = ExperimentReport.Compare(Arms, participants);

        Assert.Equal((13, 12), (report[1].Assigned, report[1].WithOutcome));
        Assert.Equal(11, report[1].Outcomes.Single(o => o.Measure == OutcomeMeasure.WellBeing).Comparison.ControlCount);
    }

    /// <summary>
    /// <paramref name="count"/> people in an arm; the first <paramref name="working"/> work 20 hours a week; the first
    /// <paramref name="withdrawn"/> have withdrawn (and so are not treated).
    /// </summary>
    private static IEnumerable<ReportedParticipant> Group(string arm, int count, int working, bool treated, int withdrawn = 0) =>
        Enumerable.Range(0, count).Select(i => new ReportedParticipant(
            arm,
            Treated: treated && i >= withdrawn,
            Withdrawn: i < withdrawn,
            new MonthlyOutcome(i < working ? 20 : 0, i % 7 == 0, i % 9, i % 11, Synthetic: false)));
}
