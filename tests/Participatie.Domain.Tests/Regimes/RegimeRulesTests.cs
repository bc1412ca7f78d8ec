using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Regimes;

public sealed class RegimeRulesTests
{
    [Fact]
    public void SettingsOutOfRangeOrUndefinedAreViolations()
    {
        var violations = new Violations();

        RegimeRules.ValidateSettings(
            violations,
            new RegimeOverrides(JobSearch: (JobSearchObligation)9, CaseloadCap: 0, ContactIntervalDays: 400, EarningsDisregard: EarningsDisregardKind.Unspecified),
            "arms[0].regime");

        Assert.Equal(
            [
                new FieldViolation("arms[0].regime.job_search_obligation", "must be one of Applies, Exempt"),
                new FieldViolation("arms[0].regime.earnings_disregard", "must be one of Statutory, Experimental"),
                new FieldViolation("arms[0].regime.caseload_cap", "must be between 1 and 1000"),
                new FieldViolation("arms[0].regime.contact_interval_days", "must be between 1 and 365"),
            ],
            violations.Items);
    }

    [Fact]
    public void ALayerNeedsANameASourceAndAPeriodInOrder()
    {
        var violations = new Violations();
        var layer = new RegimeLayer(RegimeSource.Unspecified, " ", RegimeOverrides.None, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31));

        RegimeRules.ValidateLayer(violations, layer, "layer");

        Assert.Equal(
            [
                new FieldViolation("layer.name", "is required"),
                new FieldViolation("layer.source", "must be one of MunicipalDefault, Trajectory, NeighbourhoodTrial, ExperimentArm"),
                new FieldViolation("layer.until", "must not be before from"),
            ],
            violations.Items);
    }

    [Fact]
    public void APartialTrajectoryIsValid()
    {
        var violations = new Violations();

        RegimeRules.ValidateLayer(violations, new RegimeLayer(RegimeSource.Trajectory, "50-plus", new RegimeOverrides(ContactIntervalDays: 30)), "layer");

        Assert.False(violations.Any);
    }

    [Fact]
    public void ALayerDescribesItselfBySourceAndName()
    {
        Assert.Equal("neighbourhood trial 'wk-noord'", new RegimeLayer(RegimeSource.NeighbourhoodTrial, "wk-noord", RegimeOverrides.None).Describe());
    }
}
