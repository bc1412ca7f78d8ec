using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Regimes;
using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.Regimes;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Benefits;

/// <summary>
/// Monthly statements computed from the person's facts, their regime and the configured figures (DOMAIN.md's amounts,
/// see <see cref="TestRules"/>). Months here avoid 2025-04, which the payment tests change the rules of.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StatementTests(ClusterFixture fixture)
{
    private static readonly DateOnly NextMonth = Domain.Benefits.Months.Of(Today.In(TimeProvider.System)).AddMonths(1);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task EveryLineNamesItsRuleAndTheDatesOfItsFigures()
    {
        var person = await PersonAsync();
        await person.ReportEarningsAsync(new ReportEarningsCommand("2025-03", 80000, 16, 0, false, "person"));

        var statement = await person.GetBenefitStatementAsync("2025-03");

        Assert.Equal(
            [
                (StatementRules.Norm, 134545L, "NormSingle@2025-01-01"),
                (StatementRules.Earnings, -80000L, ""),
                (StatementRules.StatutoryDisregard, 20000L, "StatutoryDisregardPercent@2024-01-01 StatutoryDisregardCap@2024-07-01 StatutoryDisregardMonths@2024-01-01"),
            ],
            statement.Lines.Select(l => (l.Rule, l.AmountCents, string.Join(' ', l.Figures.Select(f => $"{f.Rule}@{f.EffectiveFrom:yyyy-MM-dd}")))));
        Assert.Equal(74545, statement.TotalCents);
        Assert.Contains("month 1 of 6", statement.Lines[2].Explanation);
        Assert.Contains("from the income form of 2025-03 reported on " + TestExperiments.Iso(Today.In(TimeProvider.System)), statement.Lines[1].Explanation);
        Assert.False(statement.Frozen);
        Assert.Equal("test-municipal", Assert.Single(statement.Layers).Name);
    }

    [Fact]
    public async Task TheStatutoryDisregardRunsSixConsecutiveMonthsFromTheFirstEarnings()
    {
        var person = await PersonAsync();
        for (var month = new DateOnly(2025, 5, 1); month <= new DateOnly(2025, 11, 1); month = month.AddMonths(1))
        {
            await person.ReportEarningsAsync(new ReportEarningsCommand(TestExperiments.Month(month), 10000, 8, 0, false, "person"));
        }

        var sixth = await person.GetBenefitStatementAsync("2025-10");
        var seventh = await person.GetBenefitStatementAsync("2025-11");

        Assert.Contains("month 6 of 6", sixth.Lines.Single(l => l.Rule == StatementRules.StatutoryDisregard).Explanation);
        Assert.DoesNotContain(seventh.Lines, l => l.Rule == StatementRules.StatutoryDisregard);
        Assert.Contains(seventh.Notes, n => n.Contains("ran for 6 consecutive months from 2025-05"));
        Assert.Equal(136906 - 10000, seventh.TotalCents);
    }

    [Fact]
    public async Task AdultsSharingTheHomeGetTheCostSharerNorm()
    {
        var person = await PersonAsync();
        await person.ReportEarningsAsync(new ReportEarningsCommand("2025-02", 0, 0, 3, false, "person"));

        var statement = await person.GetBenefitStatementAsync("2025-02");

        var line = Assert.Single(statement.Lines);
        Assert.Equal((StatementRules.CostSharerNorm, 83290L), (line.Rule, line.AmountCents)); // (40 + 30·3) / 300 × €1,922.07
        Assert.Equal(new FigureReferenceView(BenefitRule.NormCouple, new DateOnly(2025, 1, 1)), Assert.Single(line.Figures));
    }

    [Fact]
    public async Task AMeasureAppliesOnlyWhereTheRegimeAllowsSanctions()
    {
        var person = await PersonAsync();
        await person.RecordSanctionAsync(new RecordSanctionCommand("MR-2025-1", "2025-05", 100, 1, false, "coach-test"));
        await person.RecordSanctionAsync(new RecordSanctionCommand("MR-2025-2", "2025-08", 50, 1, false, "coach-test"));
        await person.StartTrajectoryAsync(new StartTrajectoryCommand("50-plus", "2025-08-01", null, null, "coach-test"));

        var sanctioned = await person.GetBenefitStatementAsync("2025-05");
        var excluded = await person.GetBenefitStatementAsync("2025-08");
        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            person.RecordSanctionAsync(new RecordSanctionCommand("MR-2025-3", "2025-09", 100, 1, false, "coach-test")));

        Assert.Equal(-134545, sanctioned.Lines.Single(l => l.Rule == StatementRules.Sanction).AmountCents);
        Assert.Equal(0, sanctioned.TotalCents);
        Assert.DoesNotContain(excluded.Lines, l => l.Rule == StatementRules.Sanction);
        Assert.Contains(excluded.Notes, n => n.Contains("MR-2025-2 is not applied: this regime excludes sanctions"));
        Assert.Equal(136906, excluded.TotalCents);
        Assert.Equal(Reasons.SanctionsExcluded, refused.Reason);
        Assert.Contains("50-plus", refused.Message);
    }

    [Fact]
    public async Task TheExtraDisregardArmPaysMoreThanControlForTheSameEarnings()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 2);
        var experiment = await TestExperiments.WithSignUpsAsync(
            _grains, TestExperiments.Design(capacity: 1, arms: TestExperiments.Arm("werken-loont", ArmKind.ExtraDisregard, TestExperiments.ExtraDisregard, capacity: 1)), people);
        await experiment.DrawAsync(new DrawCommand(2, null, "researcher-test"));
        await TestExperiments.InformedAsync(experiment);
        var month = TestExperiments.Month(NextMonth);
        var statements = new Dictionary<string, StatementView>();
        foreach (var place in await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p))))
        {
            var person = _grains.GetGrain<IClientBenefitsGrain>(place.ClientId);
            await person.ReportEarningsAsync(new ReportEarningsCommand(month, 40000, 12, 0, false, "person"));
            statements[place.Arm!] = await person.GetBenefitStatementAsync(month);
        }

        var arm = statements["werken-loont"];
        var control = statements["control"];
        Assert.Equal(19900, arm.Lines.Single(l => l.Rule == StatementRules.ExperimentalDisregard).AmountCents); // 50% of €400, capped at €199
        Assert.Equal(10000, control.Lines.Single(l => l.Rule == StatementRules.StatutoryDisregard).AmountCents); // 25% of €400
        Assert.Equal(140150 - 40000 + 19900, arm.TotalCents);
        Assert.Equal(140150 - 40000 + 10000, control.TotalCents);
        Assert.Contains(arm.Layers, l => l.Source == RegimeSource.ExperimentArm && l.Name.EndsWith("/werken-loont", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOptInBasicBenefitPaysLessOnlyWithConsentRecordedBeforeTheMonth()
    {
        var person = await PersonAsync();
        await person.StartTrajectoryAsync(new StartTrajectoryCommand("basic-benefit", TestExperiments.Iso(NextMonth), null, TestExperiments.Consent(), "coach-test"));

        var statement = await person.GetBenefitStatementAsync(TestExperiments.Month(NextMonth));

        var basic = statement.Lines.Single(l => l.Rule == StatementRules.BasicBenefit);
        Assert.Equal(-14015, basic.AmountCents); // 90% of €1,401.50
        Assert.Equal(new FigureReferenceView(BenefitRule.BasicBenefitPercent, new DateOnly(2024, 1, 1)), Assert.Single(basic.Figures));
        Assert.Equal(126135, statement.TotalCents);
        Assert.Equal(BenefitLevel.OptInBasic, statement.Regime.BenefitLevel);
    }

    [Fact]
    public async Task ANeighbourhoodTrialsGroupSupportBonusIsPaidOnTopForAMonthOfTakingPart()
    {
        var (wijk, people) = await TestExperiments.PeopleAsync(_grains, 1);
        await _grains.GetGrain<INeighbourhoodGrain>(wijk).StartTrialAsync(new StartTrialCommand(
            "groepsbonus", RegimeSettingsData.Of(new RegimeOverrides(GroupSupportBonus: true)), "2025-01-01", "2025-12-31", "team-test"));
        var person = _grains.GetGrain<IClientBenefitsGrain>(people[0]);
        await person.ReportEarningsAsync(new ReportEarningsCommand("2025-09", 0, 0, 0, true, "person"));

        var statement = await person.GetBenefitStatementAsync("2025-09");

        var bonus = statement.Lines.Single(l => l.Rule == StatementRules.GroupSupportBonus);
        Assert.Equal((10000L, BenefitRule.GroupSupportBonusPerMonth), (bonus.AmountCents, Assert.Single(bonus.Figures).Rule));
        Assert.Equal(136906 + 10000, statement.TotalCents);
        Assert.Equal($"{wijk}/groepsbonus", statement.Layers.Single(l => l.Source == RegimeSource.NeighbourhoodTrial).Name);
    }

    [Fact]
    public async Task AMonthWithoutFiguresOrFarAheadIsRefused()
    {
        var person = await PersonAsync();

        var unconfigured = await Assert.ThrowsAsync<PreconditionFailedException>(() => person.GetBenefitStatementAsync("2023-05"));
        var ahead = await Assert.ThrowsAsync<InvalidInputException>(() => person.GetBenefitStatementAsync(TestExperiments.Month(NextMonth.AddMonths(2))));
        var malformed = await Assert.ThrowsAsync<InvalidInputException>(() => person.GetBenefitStatementAsync("2025-13"));
        var report = await Assert.ThrowsAsync<InvalidInputException>(() => person.ReportEarningsAsync(new ReportEarningsCommand("2025-01", -1, 200, 21, false, "")));

        Assert.Equal(Reasons.FigureNotConfigured, unconfigured.Reason);
        Assert.Contains("NormSingle", unconfigured.Message);
        Assert.Equal("Month", Assert.Single(ahead.Errors).Field);
        Assert.Equal("Month", Assert.Single(malformed.Errors).Field);
        Assert.Equal(["AdultsInHome", "NetEarningsCents", "ReportedBy", "WorkHoursPerWeek"], report.Errors.Select(e => e.Field).Order().ToArray());
    }

    private async Task<IClientBenefitsGrain> PersonAsync()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        return _grains.GetGrain<IClientBenefitsGrain>(people[0]);
    }
}
