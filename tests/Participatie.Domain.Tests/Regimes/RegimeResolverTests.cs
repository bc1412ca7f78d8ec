using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Regimes;

public sealed class RegimeResolverTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static readonly Regime Regular = new(
        JobSearchObligation.Applies,
        CounterPerformance.Required,
        SanctionsAllowed: true,
        CaseloadCap: 125,
        ContactIntervalDays: 90,
        EarningsDisregardKind.Statutory,
        JobFoundBonus: false,
        GroupSupportBonus: false,
        BenefitLevel.Norm);

    private static readonly RegimeLayer Municipal = new(RegimeSource.MunicipalDefault, "rotterdam-2026", RegimeOverrides.All(Regular));

    private static readonly RegimeLayer FiftyPlus = new(
        RegimeSource.Trajectory, "50-plus", new RegimeOverrides(CounterPerformance: CounterPerformance.Voluntary, ContactIntervalDays: 60));

    private static readonly RegimeLayer Neighbourhood = new(
        RegimeSource.NeighbourhoodTrial, "wk-feijenoord/rule-free", new RegimeOverrides(SanctionsAllowed: false, CounterPerformance: CounterPerformance.None, GroupSupportBonus: true));

    private static readonly RegimeLayer Exemption = new(
        RegimeSource.ExperimentArm,
        "tilburg-2026/exemption",
        new RegimeOverrides(JobSearch: JobSearchObligation.Exempt, CounterPerformance: CounterPerformance.Voluntary, CaseloadCap: 60),
        From: new DateOnly(2026, 1, 1),
        Until: new DateOnly(2027, 12, 31));

    [Fact]
    public void TheMunicipalDefaultAloneSetsEverySettingWithoutNotes()
    {
        var resolved = RegimeResolver.Resolve([Municipal], Day);

        Assert.Equal(Regular, resolved.Regime);
        Assert.Equal(9, resolved.Explanation.Count);
        Assert.All(resolved.Explanation, e =>
        {
            Assert.Equal(RegimeSource.MunicipalDefault, e.Source);
            Assert.Equal("rotterdam-2026", e.SourceName);
            Assert.Empty(e.Notes);
        });
    }

    [Fact]
    public void EachSettingTakesTheValueOfTheHighestLayerThatSetsIt()
    {
        // Given in reverse order of precedence: the order of the list must not matter.
        var resolved = RegimeResolver.Resolve([Exemption, Neighbourhood, FiftyPlus, Municipal], Day);

        Assert.Equal(
            Regular with
            {
                JobSearch = JobSearchObligation.Exempt,
                CounterPerformance = CounterPerformance.Voluntary,
                SanctionsAllowed = false,
                CaseloadCap = 60,
                ContactIntervalDays = 60,
                GroupSupportBonus = true,
            },
            resolved.Regime);
        Assert.Equal(RegimeSource.ExperimentArm, resolved.For(RegimeSettingNames.CounterPerformance).Source);
        Assert.Equal(RegimeSource.ExperimentArm, resolved.For(RegimeSettingNames.JobSearchObligation).Source);
        Assert.Equal(RegimeSource.NeighbourhoodTrial, resolved.For(RegimeSettingNames.Sanctions).Source);
        Assert.Equal(RegimeSource.Trajectory, resolved.For(RegimeSettingNames.ContactIntervalDays).Source);
        Assert.Equal(RegimeSource.MunicipalDefault, resolved.For(RegimeSettingNames.EarningsDisregard).Source);
    }

    [Fact]
    public void TheExplanationNamesTheSourceTheValueAndEveryOverrideOnTheWay()
    {
        var resolved = RegimeResolver.Resolve([Municipal, FiftyPlus, Neighbourhood, Exemption], Day);

        var counterPerformance = resolved.For(RegimeSettingNames.CounterPerformance);

        Assert.Equal("voluntary", counterPerformance.Value);
        Assert.Equal(RegimeSource.ExperimentArm, counterPerformance.Source);
        Assert.Equal("tilburg-2026/exemption", counterPerformance.SourceName);
        Assert.Equal(
            [
                "trajectory '50-plus' overrides municipal default 'rotterdam-2026' (required)",
                "neighbourhood trial 'wk-feijenoord/rule-free' overrides trajectory '50-plus' (voluntary)",
                "experiment arm 'tilburg-2026/exemption' overrides neighbourhood trial 'wk-feijenoord/rule-free' (none)",
            ],
            counterPerformance.Notes);
        Assert.Equal("not_possible", resolved.For(RegimeSettingNames.Sanctions).Value);
        Assert.Equal("60", resolved.For(RegimeSettingNames.CaseloadCap).Value);
        Assert.Equal("allowed", resolved.For(RegimeSettingNames.GroupSupportBonus).Value);
        Assert.Equal("not_allowed", resolved.For(RegimeSettingNames.JobFoundBonus).Value);
    }

    [Fact]
    public void ALayerOutsideItsPeriodDoesNotApply()
    {
        var afterTheExperiment = RegimeResolver.Resolve([Municipal, Exemption], new DateOnly(2028, 1, 1));
        var lastDay = RegimeResolver.Resolve([Municipal, Exemption], new DateOnly(2027, 12, 31));
        var beforeIt = RegimeResolver.Resolve([Municipal, Exemption], new DateOnly(2025, 12, 31));

        Assert.Equal(JobSearchObligation.Applies, afterTheExperiment.Regime.JobSearch);
        Assert.Equal(JobSearchObligation.Exempt, lastDay.Regime.JobSearch);
        Assert.Equal(JobSearchObligation.Applies, beforeIt.Regime.JobSearch);
    }

    [Fact]
    public void AnExperimentArmMayNotAllowSanctionsTheRegimeBeneathExcludes()
    {
        var strictArm = new RegimeLayer(RegimeSource.ExperimentArm, "x/strict", new RegimeOverrides(SanctionsAllowed: true, CaseloadCap: 75));

        var resolved = RegimeResolver.Resolve([Municipal, Neighbourhood, strictArm], Day);

        Assert.False(resolved.Regime.SanctionsAllowed);
        Assert.Equal(75, resolved.Regime.CaseloadCap);
        var sanctions = resolved.For(RegimeSettingNames.Sanctions);
        Assert.Equal(RegimeSource.NeighbourhoodTrial, sanctions.Source);
        Assert.Contains(
            "experiment arm 'x/strict' sets possible, ignored: it would allow sanctions that the regime beneath excludes, and no one may be worse off than under the regime beneath",
            sanctions.Notes);
    }

    [Fact]
    public void ALayerMayNotWithdrawABonusOrReplaceTheExperimentalDisregard()
    {
        var generous = new RegimeLayer(
            RegimeSource.NeighbourhoodTrial, "wk-a/bonus", new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Experimental, JobFoundBonus: true));
        var mean = new RegimeLayer(
            RegimeSource.ExperimentArm, "x/mean", new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Statutory, JobFoundBonus: false));

        var resolved = RegimeResolver.Resolve([Municipal, generous, mean], Day);

        Assert.Equal(EarningsDisregardKind.Experimental, resolved.Regime.EarningsDisregard);
        Assert.True(resolved.Regime.JobFoundBonus);
        Assert.Contains(resolved.For(RegimeSettingNames.EarningsDisregard).Notes, n => n.Contains("ignored: it would replace the experimental earnings disregard", StringComparison.Ordinal));
        Assert.Contains(resolved.For(RegimeSettingNames.JobFoundBonus).Notes, n => n.Contains("ignored: it would withdraw a bonus", StringComparison.Ordinal));
    }

    [Fact]
    public void ALayerMayMakeTheRegimeMoreFavourable()
    {
        var arm = new RegimeLayer(
            RegimeSource.ExperimentArm, "x/werken-loont", new RegimeOverrides(SanctionsAllowed: false, EarningsDisregard: EarningsDisregardKind.Experimental));

        var resolved = RegimeResolver.Resolve([Municipal, arm], Day);

        Assert.False(resolved.Regime.SanctionsAllowed);
        Assert.Equal(EarningsDisregardKind.Experimental, resolved.Regime.EarningsDisregard);
    }

    [Fact]
    public void ATrajectoryMaySetTheOptInBasicBenefit()
    {
        var selfEmployed = new RegimeLayer(RegimeSource.Trajectory, "self-employed", new RegimeOverrides(BenefitLevel: BenefitLevel.OptInBasic, SanctionsAllowed: false));

        var resolved = RegimeResolver.Resolve([Municipal, selfEmployed], Day);

        Assert.Equal(BenefitLevel.OptInBasic, resolved.Regime.BenefitLevel);
        Assert.Equal("opt_in_basic", resolved.For(RegimeSettingNames.BenefitLevel).Value);
    }

    [Theory]
    [InlineData(RegimeSource.NeighbourhoodTrial)]
    [InlineData(RegimeSource.ExperimentArm)]
    public void OnlyATrajectoryMaySetTheOptInBasicBenefit(RegimeSource source)
    {
        var layer = new RegimeLayer(source, "basic", new RegimeOverrides(BenefitLevel: BenefitLevel.OptInBasic));

        var exception = Assert.Throws<ArgumentException>(() => RegimeResolver.Resolve([Municipal, layer], Day));

        Assert.Contains("layers[1].settings.benefit_level opt_in_basic can only come from a trajectory", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAMunicipalDefaultThereIsNoRegime()
    {
        var exception = Assert.Throws<ArgumentException>(() => RegimeResolver.Resolve([FiftyPlus], Day));

        Assert.StartsWith("Exactly one municipal default must be in force on 2026-03-01; there are 0.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoLayersOfTheSameSourceHaveNoDefinedPrecedence()
    {
        var longTermFamilies = FiftyPlus with { Name = "long-term-families" };

        var exception = Assert.Throws<ArgumentException>(() => RegimeResolver.Resolve([Municipal, FiftyPlus, longTermFamilies], Day));

        Assert.Contains("Two trajectory layers are in force on 2026-03-01 (50-plus, long-term-families)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMunicipalDefaultMustSetEverySetting()
    {
        var incomplete = Municipal with { Settings = RegimeOverrides.All(Regular) with { CaseloadCap = null, BenefitLevel = null } };

        var exception = Assert.Throws<ArgumentException>(() => RegimeResolver.Resolve([incomplete], Day));

        Assert.Contains("layers[0].settings.caseload_cap is required in a municipal default", exception.Message, StringComparison.Ordinal);
        Assert.Contains("layers[0].settings.benefit_level is required in a municipal default", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegimeOverridesNoneIsEmpty()
    {
        Assert.True(RegimeOverrides.None.IsEmpty);
        Assert.False(new RegimeOverrides(CaseloadCap: 50).IsEmpty);
    }
}
