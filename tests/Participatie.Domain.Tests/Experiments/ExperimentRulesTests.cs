using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Experiments;

public sealed class ExperimentRulesTests
{
    private static List<FieldViolation> Check(ExperimentDesign design)
    {
        var violations = new Violations();
        var valid = ExperimentRules.Validate(violations, design);
        Assert.Equal(!violations.Any, valid);
        return [.. violations.Items];
    }

    [Fact]
    public void TheTilburgDesignIsValid()
    {
        Assert.Empty(Check(TestExperiments.Tilburg()));
    }

    [Fact]
    public void AnExperimentLastsAtMostTwoYears()
    {
        var design = TestExperiments.Tilburg();

        Assert.Empty(Check(design with { End = new DateOnly(2028, 2, 29) }));
        Assert.Equal(
            [new FieldViolation("end", "must be within 2 years of start: the law allows deviation for at most 2 years")],
            Check(design with { End = new DateOnly(2028, 3, 1) }));
        Assert.Equal([new FieldViolation("end", "must not be before start")], Check(design with { End = new DateOnly(2026, 2, 28) }));
    }

    [Fact]
    public void ThereMustBeExactlyOneControlArmAndItChangesNothing()
    {
        var design = TestExperiments.Tilburg();
        var noControl = design with { Arms = [.. design.Arms.Skip(1)] };
        var meddlingControl = design with { Arms = [design.Arms[0] with { Regime = new RegimeOverrides(CaseloadCap: 50) }, .. design.Arms.Skip(1)] };

        Assert.Equal([new FieldViolation("arms", "must hold exactly one control arm: every arm is reported against it")], Check(noControl));
        Assert.Equal(
            [new FieldViolation("arms[0].regime", "must be empty for the control arm: nothing changes for the control group")],
            Check(meddlingControl));
    }

    [Fact]
    public void ArmsNeedUniqueWellFormedNamesAPositiveCapacityAndAValidRegime()
    {
        var design = TestExperiments.Tilburg();
        ExperimentArm[] arms =
        [
            design.Arms[0],
            design.Arms[1] with { Name = "Zelf in actie" },
            design.Arms[2] with { Name = "control", Capacity = 0 },
            design.Arms[3] with { Kind = ArmKind.Unspecified, Regime = new RegimeOverrides(BenefitLevel: BenefitLevel.OptInBasic) },
        ];

        Assert.Equal(
            [
                new FieldViolation("arms[1].name", "must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit"),
                new FieldViolation("arms[2].name", "must be unique in the experiment"),
                new FieldViolation("arms[2].capacity", "must be between 1 and 100000"),
                new FieldViolation("arms[3].kind", "must be one of Control, Exemption, ExtraGuidance, ExtraDisregard, Combination, Choice"),
                new FieldViolation("arms[3].regime.benefit_level", "opt_in_basic can only come from a trajectory the person chooses, with recorded consent"),
            ],
            Check(design with { Arms = arms }));
    }

    [Fact]
    public void EligibilityMayNotAdmitPeopleUnder27()
    {
        var design = TestExperiments.Tilburg() with
        {
            Eligibility = new EligibilityRules { MinimumAge = 21, Neighbourhoods = ["noord"], Segments = [Segment.Unspecified] },
        };

        Assert.Equal(
            [
                new FieldViolation("Eligibility.MinimumAge", "must be between 27 and 67"),
                new FieldViolation("eligibility.segments[0]", "must be one of NotAssessed, WithinCut, BeyondCut"),
                new FieldViolation("eligibility.neighbourhoods[0]", "must be \"wk-\" followed by 1-60 lower-case letters, digits or hyphens"),
            ],
            Check(design));
    }

    [Fact]
    public void AgeBandsAscendFrom27AndStrataDoNotRepeat()
    {
        var design = TestExperiments.Tilburg() with
        {
            Strata = [StratumFactor.AgeBand, StratumFactor.AgeBand],
            AgeBandStarts = [25, 40, 40],
        };

        Assert.Equal(
            [
                new FieldViolation("strata[1]", "must not repeat a factor"),
                new FieldViolation("AgeBandStarts[0]", "must be between 27 and 67"),
                new FieldViolation("AgeBandStarts[2]", "must be above the previous age: bands run in ascending order"),
            ],
            Check(design));
    }

    [Fact]
    public void BlocksWeightedByCapacityMustStaySmall()
    {
        var design = TestExperiments.Tilburg() with { Blocks = BlockWeighting.ByCapacity };
        var awkward = design with { Arms = [design.Arms[0] with { Capacity = 301 }, .. design.Arms.Skip(1)] };

        Assert.Empty(Check(design));
        Assert.Equal(
            [new FieldViolation("blocks", "by capacity gives blocks of 1201 slots, more than 100: choose capacities with a larger common divisor")],
            Check(awkward));
    }

    [Fact]
    public void AnArmsRegimeLayerRunsForTheExperimentsPeriod()
    {
        var design = TestExperiments.Tilburg();

        var layer = design.LayerFor("zelf-in-actie");

        Assert.Equal(RegimeSource.ExperimentArm, layer.Source);
        Assert.Equal("tilburg-2026/zelf-in-actie", layer.Name);
        Assert.Equal(design.Start, layer.From);
        Assert.Equal(design.End, layer.Until);
        Assert.Equal(JobSearchObligation.Exempt, layer.Settings.JobSearch);
        Assert.Throws<ArgumentException>(() => design.LayerFor("nonexistent"));
    }
}
