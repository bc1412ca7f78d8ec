using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Domain;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class ExperimentGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task TheLotteryIsDrawnOnceFromARecordedSeedAndNeverChanges()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 12);
        var design = TestExperiments.Design(arms: TestExperiments.Arm("zelf-in-actie", ArmKind.Exemption, TestExperiments.Exemption));
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, design, people);

        var drawn = await experiment.DrawAsync(new DrawCommand(20260301, null, "researcher-test"));
        var before = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));

        var again = await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.DrawAsync(new DrawCommand(1, null, "researcher-test")));
        var repeated = await experiment.SignUpAsync(new SignUpCommand(people[0], TestExperiments.Consent(), "coach-test"));
        var (_, newcomer) = await TestExperiments.PeopleAsync(_grains, 1);
        var tooLate = await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.SignUpAsync(new SignUpCommand(newcomer[0], TestExperiments.Consent(), "coach-test")));
        var after = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));

        Assert.Equal(Reasons.AlreadyDrawn, again.Reason);
        Assert.Contains("seed 20260301", again.Message);
        Assert.Equal(Reasons.AlreadyDrawn, tooLate.Reason);
        Assert.Equal(before.Select(a => (a.Arm, a.Stratum)), after.Select(a => (a.Arm, a.Stratum)));
        Assert.Equal(ParticipationStatus.Assigned, after[0].Status);
        Assert.Equal((before[0].Arm, ParticipationStatus.Assigned), (repeated.Arm, repeated.Status)); // signing up again is answered as before
        var draw = drawn.Draw!;
        Assert.Equal((Lottery.BlockedStrataV1, 20260301UL, false, 12, 12), (draw.Algorithm, draw.Seed, draw.SeedGenerated, draw.Candidates, draw.Assigned));
        Assert.Equal([6, 6], drawn.ArmCounts.Select(a => a.Assigned));
        Assert.Equal(new DrawVerification(true, 12, 0, draw), await experiment.VerifyDrawAsync());
    }

    [Fact]
    public async Task TheRecordedDrawIsTheDomainsLotteryOnTheRecordedSeedDateAndSignUps()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 9);
        var design = TestExperiments.Design(capacity: 4, strata: [StratumFactor.AgeBand], arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 4));
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, design, people);

        var draw = (await experiment.DrawAsync(new DrawCommand(null, null, "researcher-test"))).Draw!;

        // Drawn again outside the platform from what the experiment recorded, the lottery gives the same places.
        var clients = await Task.WhenAll(people.Select(p => _grains.GetGrain<IClientGrain>(p).GetAsync()));
        var view = await experiment.GetAsync();
        var domain = new ExperimentDesign(view.ExperimentId[3..], view.Start, view.End, [.. view.Arms.Select(a => new ExperimentArm(a.Name, a.Kind, a.Capacity, a.Regime.ToDomain()))], new EligibilityRules())
        {
            Strata = view.Strata,
            AgeBandStarts = view.AgeBandStarts,
            Blocks = view.Blocks,
        };
        var expected = Lottery.Draw(domain, draw.Seed, draw.Algorithm, draw.DrawDate, clients.Select(c => new Candidate(c.ClientId, c.DateOfBirth, c.CurrentEstimate!.Segment, c.NeighbourhoodId, c.HouseholdType)));
        var recorded = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));

        Assert.True(draw.SeedGenerated);
        Assert.Equal((8, 1), (draw.Assigned, draw.WaitingList));
        Assert.Equal(
            expected.Assignments.Select(a => (a.ParticipantId, a.Arm, a.Stratum)).Order(),
            recorded.Where(a => a.Status == ParticipationStatus.Assigned).Select(a => (a.ClientId, a.Arm!, a.Stratum!)).Order());
        var waiting = Assert.Single(recorded, a => a.Status == ParticipationStatus.WaitingList);
        Assert.Equal(expected.WaitingList.Single().ParticipantId, waiting.ClientId);
        Assert.Equal(1, waiting.WaitingListPosition);
    }

    [Fact]
    public async Task AWithdrawalIsRecordedAndTheAssignmentIsKept()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 4);
        var design = TestExperiments.Design(arms: TestExperiments.Arm("zelf-in-actie", ArmKind.Exemption, TestExperiments.Exemption));
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, design, people);
        await experiment.DrawAsync(new DrawCommand(7, null, "researcher-test"));
        var treated = (await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)))).First(a => a.Arm == "zelf-in-actie");
        await TestExperiments.InformedAsync(experiment);
        Assert.Contains((await _grains.GetGrain<IClientBenefitsGrain>(treated.ClientId).GetRegimeAsync(null)).Layers, l => l.Source == RegimeSource.ExperimentArm);

        var withdrawn = await experiment.WithdrawAsync(treated.ClientId, "coach-test");
        var again = await experiment.WithdrawAsync(treated.ClientId, "coach-test");

        Assert.Equal(("zelf-in-actie", treated.Stratum, ParticipationStatus.Assigned, true), (withdrawn.Arm, withdrawn.Stratum, withdrawn.Status, withdrawn.Withdrawn));
        Assert.Equal(withdrawn.WithdrawnOn, again.WithdrawnOn);
        var view = await experiment.GetAsync();
        Assert.Equal((2, 1), (view.ArmCounts.Single(a => a.Arm == "zelf-in-actie").Assigned, view.ArmCounts.Single(a => a.Arm == "zelf-in-actie").Withdrawn));
        Assert.True((await experiment.VerifyDrawAsync()).Matches);

        // The arm's regime ends the day before the withdrawal: from today the person is back on the regular rules.
        await TestExperiments.InformedAsync(experiment);
        var regime = await _grains.GetGrain<IClientBenefitsGrain>(treated.ClientId).GetRegimeAsync(null);
        Assert.DoesNotContain(regime.Layers, l => l.Source == RegimeSource.ExperimentArm);
        Assert.Equal(JobSearchObligation.Applies, regime.Regime.JobSearch);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.SignUpAsync(new SignUpCommand(treated.ClientId, TestExperiments.Consent(), "coach-test")));
    }

    [Fact]
    public async Task SomeoneWhoWithdrawsBeforeTheDrawTakesNoPartInIt()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 3);
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance)), people);

        await experiment.WithdrawAsync(people[0], "coach-test");
        var view = await experiment.DrawAsync(new DrawCommand(3, null, "researcher-test"));

        Assert.Equal((3, 1, 2), (view.SignedUp, view.Withdrawn, view.Draw!.Candidates));
        var out_ = await experiment.GetAssignmentAsync(people[0]);
        Assert.Equal((ParticipationStatus.SignedUp, true, null), (out_.Status, out_.Withdrawn, out_.Arm));
        Assert.True((await experiment.VerifyDrawAsync()).Matches);
    }

    [Fact]
    public async Task ASignUpIsRefusedWithEveryReasonWhenThePersonIsNotEligible()
    {
        var (wijk, people) = await TestExperiments.PeopleAsync(_grains, 1, age: 30, factors: TestModels.FarFromWork());
        var eligibility = new EligibilityData(35, null, [Segment.WithinCut], [], [HouseholdType.Couple]);
        var experiment = _grains.GetGrain<IExperimentGrain>(TestExperiments.NewId());
        await experiment.CreateAsync(TestExperiments.Design(eligibility: eligibility, arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance)));

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.SignUpAsync(new SignUpCommand(people[0], TestExperiments.Consent(), "coach-test")));

        Assert.Equal(Reasons.NotEligible, refused.Reason);
        Assert.Contains("admits people from 35", refused.Message);
        Assert.Contains("segment beyond_cut", refused.Message);
        Assert.Contains("household type single", refused.Message);
        Assert.Equal(0, (await experiment.GetAsync()).SignedUp);
        Assert.NotEmpty(wijk);
    }

    [Fact]
    public async Task APersonTakesPartInOneExperimentAtATime()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var first = await TestExperiments.WithSignUpsAsync(_grains, TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance)), people);
        var second = _grains.GetGrain<IExperimentGrain>(TestExperiments.NewId());
        await second.CreateAsync(TestExperiments.Design(arms: TestExperiments.Arm("werken-loont", ArmKind.ExtraDisregard, TestExperiments.ExtraDisregard)));

        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => second.SignUpAsync(new SignUpCommand(people[0], TestExperiments.Consent(), "coach-test")));

        Assert.Equal(Reasons.InOtherExperiment, refused.Reason);
        Assert.Equal(1, (await first.GetAsync()).SignedUp);
        Assert.Equal(0, (await second.GetAsync()).SignedUp);
    }

    [Fact]
    public async Task TheSameDesignAgainChangesNothingAndAnotherDesignIsRefused()
    {
        var id = TestExperiments.NewId();
        var design = TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance));
        var created = await _grains.GetGrain<IExperimentGrain>(id).CreateAsync(design);

        var again = await _grains.GetGrain<IExperimentGrain>(id).CreateAsync(design with { CreatedBy = "someone-else" });

        Assert.Equal(created.CreatedAt, again.CreatedAt);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => _grains.GetGrain<IExperimentGrain>(id).CreateAsync(design with { Title = "Another" }));
    }

    [Fact]
    public async Task AnInvalidDesignNamesEveryBadFieldUnderDesign()
    {
        var design = TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 0)) with
        {
            End = TestExperiments.Iso(Today.In(TimeProvider.System).AddYears(3)),
            Arms = [new ArmData("control", ArmKind.Control, 10, TestExperiments.ExtraGuidance), TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 0)],
        };

        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => _grains.GetGrain<IExperimentGrain>(TestExperiments.NewId()).CreateAsync(design));

        Assert.Equal(["Design.arms[0].regime", "Design.arms[1].capacity", "Design.end"], invalid.Errors.Select(e => e.Field).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task ResultsCompareEveryArmWithControlFromTheRecordedOutcomes()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 40);
        var design = TestExperiments.Design(capacity: 20, arms: TestExperiments.Arm("zelf-in-actie", ArmKind.Exemption, TestExperiments.Exemption, capacity: 20));
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, design, people);
        await experiment.DrawAsync(new DrawCommand(11, null, "researcher-test"));
        var assignments = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));
        var month = TestExperiments.Month(Today.In(TimeProvider.System));
        // Control: 5 of 20 work 12+ hours; the arm: 10 of 20. One person in the arm withdraws.
        var outcomes = assignments.Select((a, i) =>
        {
            var rank = assignments.Where(b => b.Arm == a.Arm).ToList().IndexOf(a);
            var works = a.Arm == "control" ? rank < 5 : rank < 10;
            return new OutcomeData(a.ClientId, month, works ? 20 : 0, false, rank, rank % 11, Synthetic: true);
        }).ToList();
        await experiment.RecordOutcomesAsync(new RecordOutcomesCommand(outcomes, "researcher-test"));
        await experiment.WithdrawAsync(assignments.Last(a => a.Arm == "zelf-in-actie").ClientId, "coach-test");

        var results = await experiment.GetResultsAsync(null);

        Assert.Equal((40, 40, "control"), (results.Outcomes, results.SyntheticOutcomes, results.ControlArm));
        var arm = results.Arms.Single(a => a.Arm == "zelf-in-actie");
        var work = arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours);
        var reference = Domain.Statistics.ArmComparisons.Shares(new(20, 10), new(20, 5), treatedInArm: 19);
        Assert.Equal((20, 20, 0.5, 0.25), (work.ArmCount, work.ControlCount, work.ArmEstimate, work.ControlEstimate));
        Assert.Equal(reference.Difference, work.Difference);
        Assert.Equal(reference.StandardError, work.StandardError);
        Assert.Equal(reference.PValue, work.PValue);
        Assert.Equal(reference.EffectOnTreated.Value, work.EffectOnTreated);
        Assert.Equal((1, 0.95), (arm.Withdrawn, arm.TreatedShare));
        Assert.Equal(Domain.Statistics.ComparisonMethod.WelchT, arm.Outcomes.Single(o => o.Measure == OutcomeMeasure.WellBeing).Method);
        var control = results.Arms.Single(a => a.IsControl);
        Assert.Null(control.Outcomes.Single(o => o.Measure == OutcomeMeasure.Work12Hours).PValue);
    }

    [Fact]
    public async Task AnArmWithFewerThanTenOutcomesIsReportedButItsFiguresAreSuppressed()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 24);
        var design = TestExperiments.Design(capacity: 12, arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 12));
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, design, people);
        await experiment.DrawAsync(new DrawCommand(5, null, "researcher-test"));
        var assignments = await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)));
        var month = TestExperiments.Month(Today.In(TimeProvider.System));
        // All 12 in control have an outcome, only 9 in the arm.
        var measured = assignments.Where(a => a.Arm == "control").Concat(assignments.Where(a => a.Arm == "extra-hulp").Take(9));
        await experiment.RecordOutcomesAsync(new RecordOutcomesCommand([.. measured.Select(a => new OutcomeData(a.ClientId, month, 30, true, 4, 7, false))], "researcher-test"));

        var results = await experiment.GetResultsAsync(month);

        var arm = results.Arms.Single(a => a.Arm == "extra-hulp");
        Assert.True(arm.Suppressed);
        Assert.Contains("fewer than 10", arm.SuppressedReason);
        Assert.Equal((0, 0, 0), (arm.Assigned, arm.WithOutcome, arm.Outcomes.Count));
        Assert.False(results.Arms.Single(a => a.IsControl).Suppressed);
        Assert.Equal(0, results.SyntheticOutcomes);
    }

    [Fact]
    public async Task OutcomesAreRecordedOnlyForPeopleDrawnIntoAnArmAndFromTheDrawOn()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 3);
        var experiment = await TestExperiments.WithSignUpsAsync(_grains, TestExperiments.Design(capacity: 1, arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance, capacity: 1)), people);
        var month = TestExperiments.Month(Today.In(TimeProvider.System));
        var notDrawn = await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.RecordOutcomesAsync(new RecordOutcomesCommand([new OutcomeData(people[0], month, 1, false, 1, 5, false)], "r")));
        await experiment.DrawAsync(new DrawCommand(9, null, "researcher-test"));
        var waiting = (await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)))).Single(a => a.Status == ParticipationStatus.WaitingList);
        var assigned = (await Task.WhenAll(people.Select(p => experiment.GetAssignmentAsync(p)))).First(a => a.Status == ParticipationStatus.Assigned);
        var lastYear = TestExperiments.Month(Today.In(TimeProvider.System).AddYears(-1));

        var notAssigned = await Assert.ThrowsAsync<PreconditionFailedException>(() => experiment.RecordOutcomesAsync(new RecordOutcomesCommand([new OutcomeData(waiting.ClientId, month, 1, false, 1, 5, false)], "r")));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => experiment.RecordOutcomesAsync(new RecordOutcomesCommand(
            [new OutcomeData(assigned.ClientId, lastYear, -1, false, 1, 11, false), new OutcomeData(Ids.NewClientId(), "2026-13", 1, false, double.NaN, 5, false)], "r")));

        Assert.Equal(Reasons.NotDrawn, notDrawn.Reason);
        Assert.Equal(Reasons.NotAssigned, notAssigned.Reason);
        Assert.Equal(
            ["Outcomes[0].HoursWorkedPerWeek", "Outcomes[0].WellBeing", "Outcomes[1].Month", "Outcomes[1].ParticipationHours"],
            invalid.Errors.Select(e => e.Field).Order().ToArray());
        var tooEarly = await Assert.ThrowsAsync<InvalidInputException>(() => experiment.RecordOutcomesAsync(new RecordOutcomesCommand([new OutcomeData(assigned.ClientId, lastYear, 1, false, 1, 5, false)], "r")));
        Assert.Equal("Outcomes[0].Month", Assert.Single(tooEarly.Errors).Field);
        Assert.Equal(1, (await experiment.RecordOutcomesAsync(new RecordOutcomesCommand([new OutcomeData(assigned.ClientId, month, 1, false, 1, null, false)], "r"))).Total);
    }
}
