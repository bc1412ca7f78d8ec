using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class ExperimentServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ABadDesignGetsInvalidArgumentNamingEveryBadFieldAndNothingIsCreated()
    {
        var design = Design(12);
        design.End = SampleRequests.Day(365 * 3);
        design.Arms[0].Regime = new RegimeSettings { CaseloadCap = 50 };
        design.Arms[1].Capacity = 0;
        design.Arms[1].Regime.ContactIntervalDays = 0;
        design.Eligibility = new EligibilityRules { MinimumAge = 18 };

        await RpcAssert.InvalidAsync(
            () => gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design }).ResponseAsync,
            "design.end", "design.arms[0].regime", "design.arms[1].capacity", "design.arms[1].regime.contact_interval_days", "design.eligibility.minimum_age");
        await RpcAssert.InvalidAsync(
            () => gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = Design(12, id: "vertrouwen") }).ResponseAsync,
            "design.experiment_id");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Experiments.GetExperimentAsync(new GetExperimentRequest { ExperimentId = design.ExperimentId }).ResponseAsync);
    }

    [Fact]
    public async Task SignUpDrawAndResultsThroughTheContract()
    {
        var (_, people) = await gateway.PeopleAsync(24);
        var design = Design(12);
        var experiments = gateway.Experiments;
        await experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design });
        await RpcAssert.InvalidAsync(() => experiments.SignUpAsync(new SignUpRequest { ExperimentId = design.ExperimentId, ClientId = people[0] }).ResponseAsync, "consent");
        await RpcAssert.PreconditionAsync(() => experiments.GetResultsAsync(new GetResultsRequest { ExperimentId = design.ExperimentId }).ResponseAsync, "NOT_DRAWN");
        foreach (var person in people)
        {
            await experiments.SignUpAsync(new SignUpRequest { ExperimentId = design.ExperimentId, ClientId = person, Consent = SampleRequests.Consent() });
        }

        var drawn = (await experiments.DrawAsync(new DrawRequest { ExperimentId = design.ExperimentId, Seed = 2026 })).Experiment;
        await RpcAssert.PreconditionAsync(() => experiments.DrawAsync(new DrawRequest { ExperimentId = design.ExperimentId }).ResponseAsync, "ALREADY_DRAWN");
        var verified = await experiments.VerifyDrawAsync(new VerifyDrawRequest { ExperimentId = design.ExperimentId });
        var places = new List<Assignment>();
        foreach (var person in people)
        {
            places.Add((await experiments.GetAssignmentAsync(new GetAssignmentRequest { ExperimentId = design.ExperimentId, ClientId = person })).Assignment);
        }

        var month = SampleRequests.Month();
        var request = new RecordOutcomesRequest { ExperimentId = design.ExperimentId };
        request.Outcomes.AddRange(places.Select((p, i) => new Outcome
        {
            ClientId = p.ClientId,
            Month = month,
            HoursWorkedPerWeek = p.Arm == "control" ? i % 4 * 5 : i % 3 * 14,
            IndependentOfAssistance = i % 5 == 0,
            ParticipationHours = i,
            WellBeing = 5 + (i % 5),
            Synthetic = true,
        }));
        var recorded = await experiments.RecordOutcomesAsync(request);
        var results = await experiments.GetResultsAsync(new GetResultsRequest { ExperimentId = design.ExperimentId });

        Assert.Equal(("blocked-strata-v1", 2026UL, 24, 24), (drawn.Draw.Algorithm, drawn.Draw.Seed, drawn.Draw.Candidates, drawn.Draw.Assigned));
        Assert.Equal([12, 12], drawn.Arms.Select(a => a.Assigned));
        Assert.True(verified.Matches);
        Assert.All(places, p => Assert.Equal(ParticipationStatus.Assigned, p.Status));
        Assert.Equal((24, 24), (recorded.Recorded, recorded.Total));
        var audited = (await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = people[5] })).Entries;
        Assert.Contains(audited, e => e.Action == "ExperimentService.RecordOutcomes" && e.Outcome == "OK" && e.Purpose == "testing");
        Assert.Equal((month, "control", 24, 24), (results.Month, results.ControlArm, results.Outcomes, results.SyntheticOutcomes));
        Assert.StartsWith("SYNTHETIC", results.SyntheticNotice);
        var arm = results.Arms.Single(a => a.Arm == "zelf-in-actie");
        Assert.Equal((ArmKind.Exemption, false, 12, 1.0), (arm.Kind, arm.Suppressed, arm.WithOutcome, arm.TreatedShare));
        Assert.Equal(5, arm.Outcomes.Count);
        var work = arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours);
        Assert.Equal(ComparisonMethod.TwoProportionZ, work.Method);
        Assert.True(work.HasPValue && work.HasIntervalLow && work.HasIntervalHigh && work.HasStandardError && work.HasEffectOnTreated);
        Assert.True(work.IntervalLow <= work.Difference && work.Difference <= work.IntervalHigh);
        Assert.Equal(ComparisonMethod.WelchT, arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.WellBeing).Method);
        var control = results.Arms.Single(a => a.IsControl);
        Assert.False(control.HasTreatedShare);
        Assert.False(control.Outcomes[0].HasPValue);
    }

    [Fact]
    public async Task ResultsSuppressArmsOfFewerThanTenPeople()
    {
        var (_, people) = await gateway.PeopleAsync(16);
        var design = Design(8);
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design });
        foreach (var person in people)
        {
            await gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = design.ExperimentId, ClientId = person, Consent = SampleRequests.Consent() });
        }

        await gateway.Experiments.DrawAsync(new DrawRequest { ExperimentId = design.ExperimentId });
        var request = new RecordOutcomesRequest { ExperimentId = design.ExperimentId };
        request.Outcomes.AddRange(people.Select(p => new Outcome { ClientId = p, Month = SampleRequests.Month(), HoursWorkedPerWeek = 30, ParticipationHours = 2 }));
        await gateway.Experiments.RecordOutcomesAsync(request);

        var results = await gateway.Experiments.GetResultsAsync(new GetResultsRequest { ExperimentId = design.ExperimentId, Month = SampleRequests.Month() });

        Assert.Equal(10, results.SuppressionThreshold);
        Assert.All(results.Arms, a => Assert.Equal((true, 0, 0), (a.Suppressed, a.WithOutcome, a.Outcomes.Count)));
        Assert.Equal(["control", "zelf-in-actie"], results.Arms.Select(a => a.Arm));
        Assert.Empty(results.SyntheticNotice);
    }

    [Fact]
    public async Task EveryDefinedExperimentIsListedInIdOrderPageByPage()
    {
        var designs = new[] { Design(10), Design(10), Design(10) };
        foreach (var design in designs)
        {
            await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = design });
        }

        // Defining one again (a retry) lists it once.
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = designs[0] });
        var researcher = new ExperimentService.ExperimentServiceClient(gateway.Host.ChannelAs("researcher", "researcher-1", purpose: null));
        var listed = new List<Experiment>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await researcher.ListExperimentsAsync(new ListExperimentsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.Experiments.Count <= 2);
            listed.AddRange(page.Experiments);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        var ids = listed.Select(e => e.Design.ExperimentId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Distinct(), ids);
        Assert.True(pages >= 2);
        foreach (var design in designs)
        {
            var experiment = Assert.Single(listed, e => e.Design.ExperimentId == design.ExperimentId);
            Assert.Equal(("Vertrouwen werkt", 0, "control zelf-in-actie"), (experiment.Design.Title, experiment.SignedUp, string.Join(' ', experiment.Design.Arms.Select(a => a.Name))));
        }

        await RpcAssert.InvalidAsync(() => researcher.ListExperimentsAsync(new ListExperimentsRequest { PageSize = 1001 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => researcher.ListExperimentsAsync(new ListExperimentsRequest { PageToken = "ex-gw" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task SignUpRefusalsCarryTheirReasons()
    {
        var (_, people) = await gateway.PeopleAsync(2);
        var elsewhere = Design(10);
        elsewhere.Eligibility = new EligibilityRules { Neighbourhoods = { "wk-elders" } };
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = elsewhere });
        var here = Design(10);
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = here });
        await gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = here.ExperimentId, ClientId = people[0], Consent = SampleRequests.Consent() });
        var other = Design(10);
        await gateway.Experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = other });

        await RpcAssert.PreconditionAsync(() => gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = elsewhere.ExperimentId, ClientId = people[1], Consent = SampleRequests.Consent() }).ResponseAsync, "NOT_ELIGIBLE");
        await RpcAssert.PreconditionAsync(() => gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = other.ExperimentId, ClientId = people[0], Consent = SampleRequests.Consent() }).ResponseAsync, "IN_OTHER_EXPERIMENT");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = here.ExperimentId, ClientId = "cl-0000000000000000", Consent = SampleRequests.Consent() }).ResponseAsync);
        var badConsent = SampleRequests.Consent();
        badConsent.GivenAt = "yesterday";
        await RpcAssert.InvalidAsync(() => gateway.Experiments.SignUpAsync(new SignUpRequest { ExperimentId = here.ExperimentId, ClientId = "123", Consent = badConsent }).ResponseAsync, "client_id", "consent.given_at");

        var withdrawn = (await gateway.Experiments.WithdrawAsync(new WithdrawRequest { ExperimentId = here.ExperimentId, ClientId = people[0] })).Assignment;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(SampleRequests.Day(), withdrawn.WithdrawnOn);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Experiments.GetAssignmentAsync(new GetAssignmentRequest { ExperimentId = here.ExperimentId, ClientId = people[1] }).ResponseAsync);
    }

    /// <summary>Control and "zelf-in-actie" (exemption), each with room for <paramref name="capacity"/>.</summary>
    private static ExperimentDesign Design(int capacity, string? id = null) => new()
    {
        ExperimentId = id ?? "ex-gw-" + Guid.NewGuid().ToString("N")[..12],
        Title = "Vertrouwen werkt",
        Start = SampleRequests.Day(-30),
        End = SampleRequests.Day(300),
        Arms =
        {
            new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = capacity },
            new ExperimentArm
            {
                Name = "zelf-in-actie",
                Kind = ArmKind.Exemption,
                Capacity = capacity,
                Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, SanctionsAllowed = false },
            },
        },
        Strata = { StratumFactor.AgeBand },
    };
}
