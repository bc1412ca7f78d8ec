using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>Regimes, trajectories, neighbourhood trials, income forms, measures and statements through the contract, on the shipped configuration.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RegimeAndBenefitServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task GetRegimeExplainsEverySettingAndNamesTheLayersInForce()
    {
        var (wijk, people) = await gateway.PeopleAsync(1);
        await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = people[0], Trajectory = "50-plus", From = SampleRequests.Day(-1) });
        await gateway.Neighbourhoods.StartTrialAsync(new StartTrialRequest
        {
            NeighbourhoodId = wijk,
            Name = "samen-aan-de-slag",
            Settings = new RegimeSettings { ContactIntervalDays = 30, SanctionsAllowed = true },
            From = SampleRequests.Day(-1),
        });

        var reply = await gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = people[0] });

        Assert.Equal(SampleRequests.Day(), reply.Date);
        Assert.Equal(
            [(RegimeSource.MunicipalDefault, "municipal-2024"), (RegimeSource.Trajectory, "50-plus"), (RegimeSource.NeighbourhoodTrial, $"{wijk}/samen-aan-de-slag")],
            reply.Layers.Select(l => (l.Source, l.Name)));
        Assert.Equal(9, reply.Explanation.Count);
        var sanctions = reply.Explanation.Single(e => e.Setting == "sanctions");
        Assert.Equal(("not_possible", RegimeSource.Trajectory, "50-plus"), (sanctions.Value, sanctions.Source, sanctions.SourceName));
        Assert.Contains(sanctions.Notes, n => n.Contains("ignored"));
        Assert.Equal((false, 30, EarningsDisregard.Statutory), (reply.Regime.SanctionsAllowed, reply.Regime.ContactIntervalDays, reply.Regime.EarningsDisregard));
        Assert.Single((await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood.Trials);

        await RpcAssert.InvalidAsync(() => gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = people[0], Date = "23-11-2026" }).ResponseAsync, "date");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = "cl-0000000000000000" }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetRegimeAsync(new GetRegimeRequest { ClientId = people[0], Date = "2023-06-01" }).ResponseAsync, "date");
    }

    [Fact]
    public async Task EndingATrajectoryOnADayThatIsNoDateNamesTheLastDay()
    {
        var (_, people) = await gateway.PeopleAsync(1);

        await RpcAssert.InvalidAsync(() => gateway.Clients.EndTrajectoryAsync(new EndTrajectoryRequest { ClientId = people[0], LastDay = "soon" }).ResponseAsync, "last_day");
    }

    [Fact]
    public async Task TrajectoriesAreConfiguredDoNotOverlapAndNeedConsentWhenTheyLowerTheBenefit()
    {
        var (_, people) = await gateway.PeopleAsync(1);
        var client = people[0];

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = client, Trajectory = "nowhere", From = SampleRequests.Day() }).ResponseAsync);
        await RpcAssert.InvalidAsync(
            () => gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = client, Trajectory = "basic-benefit", From = "soon", Until = SampleRequests.Day() }).ResponseAsync,
            "from", "consent");
        var started = (await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest
        {
            ClientId = client, Trajectory = "basic-benefit", From = SampleRequests.Day(), Consent = SampleRequests.Consent("basis-1"),
        })).Trajectory;
        await RpcAssert.PreconditionAsync(
            () => gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = client, Trajectory = "self-employed", From = SampleRequests.Day(30) }).ResponseAsync,
            "TRAJECTORY_OVERLAPS");
        var ended = (await gateway.Clients.EndTrajectoryAsync(new EndTrajectoryRequest { ClientId = client, LastDay = SampleRequests.Day(20) })).Trajectory;

        Assert.True(started.LowersBenefit);
        Assert.Equal(("basis-1", BenefitLevel.OptInBasic), (started.Consent.Version, started.Settings.BenefitLevel));
        Assert.Equal((SampleRequests.Day(20), "test-admin"), (ended.Until, ended.EndedBy));
        await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = client, Trajectory = "self-employed", From = SampleRequests.Day(30) });
    }

    [Fact]
    public async Task AStatementHasLinesWithRulesFiguresAndDatesInCents()
    {
        var (_, people) = await gateway.PeopleAsync(1);
        await gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = people[0], Month = SampleRequests.Month(-1), NetEarningsCents = 120000, WorkHoursPerWeek = 20 });

        var statement = (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = people[0], Month = SampleRequests.Month(-1) })).Statement;

        Assert.Equal(
            [("norm", 140150L, "NormSingle 2026-01-01"), ("earnings", -120000L, ""), ("statutory_disregard", 26900L, "StatutoryDisregardPercent 2024-01-01, StatutoryDisregardCap 2024-07-01, StatutoryDisregardMonths 2024-01-01")],
            statement.Lines.Select(l => (l.Rule, l.AmountCents, string.Join(", ", l.Figures.Select(f => $"{f.Rule} {f.EffectiveFrom}")))));
        Assert.Contains("capped at €269.00", statement.Lines[2].Explanation);
        Assert.Equal(140150 - 120000 + 26900, statement.TotalCents);
        Assert.Equal((SampleRequests.Month(-1), false, ""), (statement.Month, statement.Frozen, statement.PaymentRunId));
        Assert.Equal("municipal-2024", Assert.Single(statement.RegimeLayers).Name);

        await RpcAssert.InvalidAsync(
            () => gateway.Clients.ReportEarningsAsync(new ReportEarningsRequest { ClientId = people[0], Month = "februari", NetEarningsCents = -5, WorkHoursPerWeek = 169, AdultsInHome = 21 }).ResponseAsync,
            "month", "net_earnings_cents", "work_hours_per_week", "adults_in_home");
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = people[0], Month = SampleRequests.Month(3) }).ResponseAsync, "month");
        await RpcAssert.InvalidAsync(() => gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = people[0], Month = "2023-06" }).ResponseAsync, "month");
    }

    [Fact]
    public async Task AMeasureIsRefusedWhereTheRegimeExcludesSanctions()
    {
        var (_, people) = await gateway.PeopleAsync(2);
        await gateway.Clients.StartTrajectoryAsync(new StartTrajectoryRequest { ClientId = people[1], Trajectory = "long-term-families", From = SampleRequests.Month(-3) + "-01" });
        var measure = new RecordSanctionRequest { Reference = "MR-2026-17", FirstMonth = SampleRequests.Month(-2), Percent = 100, Months = 1, SpreadOverThreeMonths = true };

        var recorded = (await gateway.Clients.RecordSanctionAsync(new RecordSanctionRequest(measure) { ClientId = people[0] })).Sanction;
        await RpcAssert.PreconditionAsync(() => gateway.Clients.RecordSanctionAsync(new RecordSanctionRequest(measure) { ClientId = people[1] }).ResponseAsync, "SANCTIONS_EXCLUDED");
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => gateway.Clients.RecordSanctionAsync(new RecordSanctionRequest(measure) { ClientId = people[0], Percent = 50 }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => gateway.Clients.RecordSanctionAsync(new RecordSanctionRequest { ClientId = people[0], FirstMonth = SampleRequests.Month(-2), Percent = 101, Months = 4 }).ResponseAsync, "reference", "percent", "months");
        var april = (await gateway.Clients.GetBenefitStatementAsync(new GetBenefitStatementRequest { ClientId = people[0], Month = SampleRequests.Month(-1) })).Statement;

        Assert.Equal((SampleRequests.Month(-2), 100, 1), (recorded.FirstMonth, recorded.Percent, recorded.Months));
        var line = april.Lines.Single(l => l.Rule == "sanction");
        Assert.Equal(-46250, line.AmountCents); // 100% for one month spread as 34%, 33%, 33%: 33% of €1,401.50, half a cent up
        Assert.Contains("month 2 of 3, spread", line.Explanation);
    }

    [Fact]
    public async Task TrialsAreValidatedAndDoNotOverlap()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var trial = new StartTrialRequest { NeighbourhoodId = wijk, Name = "basisbaan", Settings = new RegimeSettings { JobFoundBonus = true }, From = "2026-01-01", Until = "2027-12-31" };
        await gateway.Neighbourhoods.StartTrialAsync(trial);

        await RpcAssert.PreconditionAsync(() => gateway.Neighbourhoods.StartTrialAsync(new StartTrialRequest(trial) { Name = "tweede", From = "2027-06-01", Until = "" }).ResponseAsync, "TRIAL_OVERLAPS");
        await RpcAssert.InvalidAsync(
            () => gateway.Neighbourhoods.StartTrialAsync(new StartTrialRequest(trial) { Name = "basis", Settings = new RegimeSettings { BenefitLevel = BenefitLevel.OptInBasic, CaseloadCap = 0 } }).ResponseAsync,
            "settings.benefit_level", "settings.caseload_cap");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Neighbourhoods.StartTrialAsync(new StartTrialRequest(trial) { NeighbourhoodId = "wk-nergens" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Neighbourhoods.EndTrialAsync(new EndTrialRequest { NeighbourhoodId = wijk, Name = "onbekend", LastDay = "2026-06-30" }).ResponseAsync);
        var ended = (await gateway.Neighbourhoods.EndTrialAsync(new EndTrialRequest { NeighbourhoodId = wijk, Name = "basisbaan", LastDay = "2026-06-30" })).Neighbourhood;

        var only = Assert.Single(ended.Trials);
        Assert.Equal(("2026-01-01", "2026-06-30", true), (only.From, only.Until, only.Settings.JobFoundBonus));
        Assert.False(only.Settings.HasSanctionsAllowed);
    }
}
