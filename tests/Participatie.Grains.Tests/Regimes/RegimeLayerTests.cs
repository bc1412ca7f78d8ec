using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Regimes;
using Participatie.Domain.Experiments;
using Participatie.Domain.Regimes;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Regimes;

/// <summary>
/// A person's regime from its sources as the platform holds them: the configured municipal default and trajectory, the
/// neighbourhood's trial and the experiment arm, in that order of precedence, setting by setting.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RegimeLayerTests(ClusterFixture fixture)
{
    private static readonly DateOnly Day = Today.In(TimeProvider.System);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task WithNothingElseTheMunicipalDefaultSetsEverySetting()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);

        var regime = await _grains.GetGrain<IClientBenefitsGrain>(people[0]).GetRegimeAsync(null);

        Assert.All(regime.Explanation, e => Assert.Equal((RegimeSource.MunicipalDefault, "test-municipal"), (e.Source, e.SourceName)));
        Assert.Equal(9, regime.Explanation.Count);
        Assert.Equal((JobSearchObligation.Applies, true, EarningsDisregardKind.Statutory), (regime.Regime.JobSearch, regime.Regime.SanctionsAllowed, regime.Regime.EarningsDisregard));
        Assert.Equal(new DateOnly(2020, 1, 1), Assert.Single(regime.Layers).From);
    }

    [Fact]
    public async Task EachSettingComesFromTheHighestSourceThatSetsItAndNoneMayMakeAPersonWorseOff()
    {
        var (wijk, people) = await TestExperiments.PeopleAsync(_grains, 2);
        foreach (var id in people)
        {
            await _grains.GetGrain<IClientBenefitsGrain>(id).StartTrajectoryAsync(new StartTrajectoryCommand("50-plus", TestExperiments.Iso(Day.AddDays(-10)), null, null, "coach-test"));
        }

        await _grains.GetGrain<INeighbourhoodGrain>(wijk).StartTrialAsync(new StartTrialCommand(
            "samen-aan-de-slag",
            RegimeSettingsData.Of(new RegimeOverrides(CounterPerformance: CounterPerformance.None, SanctionsAllowed: true, ContactIntervalDays: 30, GroupSupportBonus: true)),
            TestExperiments.Iso(Day.AddDays(-5)),
            null,
            "team-test"));
        var experiment = await TestExperiments.WithSignUpsAsync(
            _grains, TestExperiments.Design(capacity: 1, arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 1)), people);
        await experiment.DrawAsync(new DrawCommand(1, null, "researcher-test"));
        await TestExperiments.InformedAsync(experiment);
        var places = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));
        var treated = _grains.GetGrain<IClientBenefitsGrain>(places.Single(a => a.Arm == "extra-hulp").ClientId);
        var control = _grains.GetGrain<IClientBenefitsGrain>(places.Single(a => a.Arm == "control").ClientId);

        var regime = await treated.GetRegimeAsync(null);

        Assert.Equal(
            [RegimeSource.MunicipalDefault, RegimeSource.Trajectory, RegimeSource.NeighbourhoodTrial, RegimeSource.ExperimentArm],
            regime.Layers.Select(l => l.Source));
        SetBy(regime, RegimeSettingNames.JobSearchObligation, "applies", RegimeSource.MunicipalDefault);
        var counter = SetBy(regime, RegimeSettingNames.CounterPerformance, "none", RegimeSource.NeighbourhoodTrial);
        Assert.Contains(counter.Notes, n => n.Contains("overrides trajectory '50-plus' (voluntary)"));
        var sanctions = SetBy(regime, RegimeSettingNames.Sanctions, "not_possible", RegimeSource.Trajectory);
        Assert.Contains(sanctions.Notes, n => n.Contains($"neighbourhood trial '{wijk}/samen-aan-de-slag' sets possible, ignored"));
        SetBy(regime, RegimeSettingNames.GroupSupportBonus, "allowed", RegimeSource.NeighbourhoodTrial);
        var interval = SetBy(regime, RegimeSettingNames.ContactIntervalDays, "14", RegimeSource.ExperimentArm);
        Assert.Contains(interval.Notes, n => n.Contains("experiment arm '" + regime.Layers[^1].Name + "' overrides neighbourhood trial"));
        SetBy(regime, RegimeSettingNames.CaseloadCap, "50", RegimeSource.ExperimentArm);

        // The control arm is a layer too, but it sets nothing: the trial's interval stands.
        var regular = await control.GetRegimeAsync(null);
        Assert.Equal(RegimeSource.ExperimentArm, regular.Layers[^1].Source);
        SetBy(regular, RegimeSettingNames.ContactIntervalDays, "30", RegimeSource.NeighbourhoodTrial);
    }

    [Fact]
    public async Task TrajectoriesOfAPersonDoNotOverlapAndEndOnTheirLastDay()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var person = _grains.GetGrain<IClientBenefitsGrain>(people[0]);
        await person.StartTrajectoryAsync(new StartTrajectoryCommand("50-plus", TestExperiments.Iso(Day.AddDays(-10)), null, null, "coach-test"));

        var overlap = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            person.StartTrajectoryAsync(new StartTrajectoryCommand("basic-benefit", TestExperiments.Iso(Day.AddDays(10)), null, TestExperiments.Consent(), "coach-test")));
        var ended = await person.EndTrajectoryAsync(TestExperiments.Iso(Day.AddDays(-1)), "coach-test");
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => person.StartTrajectoryAsync(new StartTrajectoryCommand("nonexistent", TestExperiments.Iso(Day), null, null, "coach-test")));
        var none = await Assert.ThrowsAsync<PreconditionFailedException>(() => person.EndTrajectoryAsync(TestExperiments.Iso(Day), "coach-test"));

        Assert.Equal(Reasons.TrajectoryOverlaps, overlap.Reason);
        Assert.Equal(Day.AddDays(-1), ended.Until);
        Assert.Equal("trajectory", unknown.Kind);
        Assert.Equal(Reasons.NoTrajectory, none.Reason);
        Assert.DoesNotContain((await person.GetRegimeAsync(null)).Layers, l => l.Source == RegimeSource.Trajectory);
        Assert.Contains((await person.GetRegimeAsync(Day.AddDays(-2))).Layers, l => l.Source == RegimeSource.Trajectory);
    }

    [Fact]
    public async Task ATrajectoryThatLowersTheBenefitIsOnlyStartedWithConsent()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var person = _grains.GetGrain<IClientBenefitsGrain>(people[0]);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            person.StartTrajectoryAsync(new StartTrajectoryCommand("basic-benefit", TestExperiments.Iso(Day), null, null, "coach-test")));
        var future = TestExperiments.Consent() with { GivenAt = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) };
        var notYet = await Assert.ThrowsAsync<InvalidInputException>(() =>
            person.StartTrajectoryAsync(new StartTrajectoryCommand("basic-benefit", TestExperiments.Iso(Day), null, future, "coach-test")));
        var started = await person.StartTrajectoryAsync(new StartTrajectoryCommand("basic-benefit", TestExperiments.Iso(Day), null, TestExperiments.Consent(), "coach-test"));

        Assert.Equal("Consent", Assert.Single(refused.Errors).Field);
        Assert.Equal("Consent.GivenAt", Assert.Single(notYet.Errors).Field);
        Assert.True(started.LowersBenefit);
        Assert.Equal("test-1", started.Consent!.Version);
        Assert.Equal(BenefitLevel.OptInBasic, (await person.GetRegimeAsync(null)).Regime.BenefitLevel);
    }

    [Fact]
    public async Task TrialsOfANeighbourhoodDoNotOverlapNeverSetTheBasicBenefitAndCanEndEarly()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        var bonus = RegimeSettingsData.Of(new RegimeOverrides(GroupSupportBonus: true));
        await neighbourhood.StartTrialAsync(new StartTrialCommand("groepsbonus", bonus, "2025-01-01", "2026-12-31", "team-test"));

        var overlap = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            neighbourhood.StartTrialAsync(new StartTrialCommand("later", bonus, "2026-06-01", null, "team-test")));
        var basic = await Assert.ThrowsAsync<InvalidInputException>(() => neighbourhood.StartTrialAsync(new StartTrialCommand(
            "basis", RegimeSettingsData.Of(new RegimeOverrides(BenefitLevel: BenefitLevel.OptInBasic)), "2027-01-01", null, "team-test")));
        var empty = await Assert.ThrowsAsync<InvalidInputException>(() => neighbourhood.StartTrialAsync(new StartTrialCommand(
            "Leeg!", RegimeSettingsData.Of(RegimeOverrides.None), "2027-01-01", "2026-01-01", "team-test")));
        var ended = await neighbourhood.EndTrialAsync("groepsbonus", "2025-12-31");
        var beyond = await Assert.ThrowsAsync<InvalidInputException>(() => neighbourhood.EndTrialAsync("groepsbonus", "2026-06-30"));
        await neighbourhood.StartTrialAsync(new StartTrialCommand("later", bonus, "2026-06-01", null, "team-test"));

        Assert.Equal(Reasons.TrialOverlaps, overlap.Reason);
        Assert.Equal("Settings.benefit_level", Assert.Single(basic.Errors).Field);
        Assert.Equal(["Name", "Settings", "Until"], empty.Errors.Select(e => e.Field).Order().ToArray());
        Assert.Equal(new DateOnly(2025, 12, 31), Assert.Single(ended.Trials).Until);
        Assert.Equal("lastDay", Assert.Single(beyond.Errors).Field);
        Assert.Equal(["groepsbonus", "later"], (await neighbourhood.GetTrialsAsync()).Select(t => t.Name));
    }

    private static SettingExplanationView SetBy(RegimeView regime, string setting, string value, RegimeSource source)
    {
        var explanation = regime.Explanation.Single(e => e.Setting == setting);
        Assert.Equal((value, source), (explanation.Value, explanation.Source));
        return explanation;
    }
}
