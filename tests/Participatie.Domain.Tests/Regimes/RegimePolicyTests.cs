using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Regimes;

/// <summary>The Regimes configuration: dated municipal defaults and the trajectories a person can be put on.</summary>
public sealed class RegimePolicyTests
{
    [Fact]
    public void EachMunicipalDefaultIsInForceUntilTheNextOneStarts()
    {
        var policy = new RegimePolicy { Defaults = [Default("rotterdam-2026", new DateOnly(2026, 1, 1), sanctions: false), Default("rotterdam-2024", new DateOnly(2024, 1, 1))] };

        var layers = policy.DefaultLayers();

        Assert.Equal(
            [("rotterdam-2024", new DateOnly(2024, 1, 1), (DateOnly?)new DateOnly(2025, 12, 31)), ("rotterdam-2026", new DateOnly(2026, 1, 1), null)],
            layers.Select(l => (l.Name, l.From!.Value, l.Until)));
        Assert.True(RegimeResolver.Resolve(layers, new DateOnly(2025, 12, 31)).Regime.SanctionsAllowed);
        Assert.False(RegimeResolver.Resolve(layers, new DateOnly(2026, 1, 1)).Regime.SanctionsAllowed);
        Assert.Empty(policy.Problems(TestTables()));
    }

    [Fact]
    public void EveryProblemNamesItsConfigurationKey()
    {
        var incomplete = Default("Rotterdam 2024", default);
        incomplete.EarningsDisregard = null;
        incomplete.CaseloadCap = 0;
        incomplete.Until = new DateOnly(2030, 1, 1);
        var policy = new RegimePolicy
        {
            Defaults = [incomplete],
            Trajectories =
            [
                new ConfiguredRegime { Name = "leeg", From = new DateOnly(2024, 1, 1) },
                new ConfiguredRegime { Name = "leeg", From = new DateOnly(2024, 1, 1), ContactIntervalDays = 400, Until = new DateOnly(2023, 1, 1) },
            ],
        };

        var problems = policy.Problems().ToList();

        Assert.Contains("Regimes:Defaults:0:Name must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit", problems);
        Assert.Contains("Regimes:Defaults:0:From is required (yyyy-MM-dd)", problems);
        Assert.Contains("Regimes:Defaults:0:EarningsDisregard is required in a municipal default", problems);
        Assert.Contains("Regimes:Defaults:0:CaseloadCap must be between 1 and 1000", problems);
        Assert.Contains(problems, p => p.StartsWith("Regimes:Defaults:0:Until does not apply", StringComparison.Ordinal));
        Assert.Contains("Regimes:Trajectories:0 must set at least one setting", problems);
        Assert.Contains("Regimes:Trajectories:1:ContactIntervalDays must be between 1 and 365", problems);
        Assert.Contains("Regimes:Trajectories:1:Until must not be before From", problems);
        Assert.Contains("Regimes:Trajectories has two trajectories named leeg", problems);
        Assert.Equal(9, problems.Count);
        Assert.Equal(["Regimes:Defaults must hold at least one municipal default"], new RegimePolicy().Problems());
    }

    [Fact]
    public void OnlyATrajectoryMaySetTheBasicBenefitAndOnlyWithItsFigureConfigured()
    {
        var basicDefault = Default("municipal", new DateOnly(2024, 1, 1));
        basicDefault.BenefitLevel = BenefitLevel.OptInBasic;
        var basic = new ConfiguredRegime { Name = "basic-benefit", From = new DateOnly(2024, 1, 1), BenefitLevel = BenefitLevel.OptInBasic };
        var bonus = new ConfiguredRegime { Name = "werkbonus", From = new DateOnly(2024, 1, 1), JobFoundBonus = true, EarningsDisregard = EarningsDisregardKind.Experimental };
        var table = TestTables();
        table.Entries.RemoveAll(e => e.Rule is BenefitRule.JobFoundBonusPerYear or BenefitRule.ExperimentalDisregardCap);

        var problems = new RegimePolicy { Defaults = [basicDefault], Trajectories = [basic, bonus] }.Problems(table).ToList();

        Assert.Equal(
            [
                "Regimes:Defaults:0:BenefitLevel opt_in_basic can only come from a trajectory the person chooses, with recorded consent",
                "Regimes:Defaults:0 needs a figure for BasicBenefitPercent in force from 2024-01-01: add one to Benefits:Entries",
                "Regimes:Trajectories:0 needs a figure for BasicBenefitPercent in force from 2024-01-01: add one to Benefits:Entries",
                "Regimes:Trajectories:1 needs a figure for ExperimentalDisregardCap in force from 2024-01-01: add one to Benefits:Entries",
                "Regimes:Trajectories:1 needs a figure for JobFoundBonusPerYear in force from 2024-01-01: add one to Benefits:Entries",
            ],
            problems);
    }

    [Fact]
    public void ATrajectoryIsAvailableWithinItsDates()
    {
        var trajectory = new ConfiguredRegime { Name = "50-plus", From = new DateOnly(2025, 1, 1), Until = new DateOnly(2025, 12, 31), SanctionsAllowed = false };
        var policy = new RegimePolicy { Trajectories = [trajectory] };

        Assert.Same(trajectory, policy.Trajectory("50-plus"));
        Assert.Null(policy.Trajectory("50plus"));
        Assert.Equal([false, true, true, false], new[] { new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1) }.Select(trajectory.AvailableOn));
        Assert.Equal(new RegimeOverrides(SanctionsAllowed: false), trajectory.Settings());
    }

    private static ConfiguredRegime Default(string name, DateOnly from, bool sanctions = true) => new()
    {
        Name = name,
        From = from,
        JobSearch = JobSearchObligation.Applies,
        CounterPerformance = CounterPerformance.Required,
        SanctionsAllowed = sanctions,
        CaseloadCap = 125,
        ContactIntervalDays = 90,
        EarningsDisregard = EarningsDisregardKind.Statutory,
        JobFoundBonus = false,
        GroupSupportBonus = false,
        BenefitLevel = BenefitLevel.Norm,
    };

    private static BenefitTable TestTables() => Benefits.TestTables.Example();
}
