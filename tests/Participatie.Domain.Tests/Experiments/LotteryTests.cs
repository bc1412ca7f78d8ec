using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Experiments;

public sealed class LotteryTests
{
    private const ulong Seed = 20260301;

    private static readonly DateOnly DrawDate = TestExperiments.DrawDate;

    private static LotteryResult Draw(ExperimentDesign design, IEnumerable<Candidate> candidates, ulong seed = Seed) =>
        Lottery.Draw(design, seed, Lottery.BlockedStrataV1, DrawDate, candidates);

    [Fact]
    public void TheSameSeedGivesTheSameAssignment()
    {
        var candidates = TestExperiments.Candidates(200);

        var first = Draw(TestExperiments.Tilburg(), candidates);
        var second = Draw(TestExperiments.Tilburg(), candidates);

        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(Seed, first.Seed);
        Assert.Equal("blocked-strata-v1", first.Algorithm);
        Assert.Equal(DrawDate, first.DrawDate);
    }

    [Fact]
    public void TheOrderOfSignUpPlaysNoPart()
    {
        var candidates = TestExperiments.Candidates(200);
        var shuffled = candidates.ToList();
        new SplitMix64(99).Shuffle(shuffled);

        var inOrder = Draw(TestExperiments.Tilburg(), candidates);
        var reversed = Draw(TestExperiments.Tilburg(), Enumerable.Reverse(candidates));
        var mixed = Draw(TestExperiments.Tilburg(), shuffled);

        Assert.Equal(inOrder.Assignments, reversed.Assignments);
        Assert.Equal(inOrder.Assignments, mixed.Assignments);
    }

    [Fact]
    public void ADifferentSeedGivesADifferentAssignment()
    {
        var candidates = TestExperiments.Candidates(200);

        var first = Draw(TestExperiments.Tilburg(), candidates, seed: 1);
        var second = Draw(TestExperiments.Tilburg(), candidates, seed: 2);

        // The arm sizes come out the same (balanced blocks); who is in which arm does not.
        Assert.Equal(first.Assignments.Select(a => a.ParticipantId), second.Assignments.Select(a => a.ParticipantId));
        Assert.True(first.Assignments.Zip(second.Assignments).Count(p => p.First.Arm != p.Second.Arm) > 100);
    }

    [Fact]
    public void EveryEligibleCandidateIsAssignedExactlyOnceWhenThereIsRoom()
    {
        var candidates = TestExperiments.Candidates(200);

        var result = Draw(TestExperiments.Tilburg(), candidates);

        Assert.Equal(candidates.Select(c => c.ParticipantId).Order(StringComparer.Ordinal), result.Assignments.Select(a => a.ParticipantId));
        Assert.Empty(result.WaitingList);
        Assert.Empty(result.Ineligible);
        Assert.Equal(200, new[] { "control", "zelf-in-actie", "extra-hulp", "werken-loont" }.Sum(result.CountIn));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(Seed)]
    [InlineData(ulong.MaxValue)]
    public void ArmsAreBalancedWithinEveryStratum(ulong seed)
    {
        var design = TestExperiments.Tilburg() with { Strata = [StratumFactor.AgeBand, StratumFactor.HouseholdType, StratumFactor.Segment] };

        var result = Draw(design, TestExperiments.Candidates(600), seed);

        var strata = result.Assignments.GroupBy(a => a.Stratum).ToList();
        Assert.True(strata.Count >= 12, $"only {strata.Count} strata");
        foreach (var stratum in strata)
        {
            var counts = design.Arms.Select(arm => stratum.Count(a => a.Arm == arm.Name)).ToList();
            Assert.True(counts.Max() - counts.Min() <= 1, $"{stratum.Key}: {string.Join(", ", counts)}");
        }
    }

    [Fact]
    public void WithoutStrataTheWholeDrawIsOneBalancedStratum()
    {
        var result = Draw(TestExperiments.Tilburg(), TestExperiments.Candidates(203));

        Assert.All(result.Assignments, a => Assert.Equal("all", a.Stratum));
        Assert.Equal([50, 51, 51, 51], new[] { "control", "zelf-in-actie", "extra-hulp", "werken-loont" }.Select(result.CountIn).Order());
    }

    [Fact]
    public void BlocksWeightedByCapacityFillTheArmsInProportion()
    {
        var design = new ExperimentDesign(
            "utrecht-2026",
            DrawDate,
            DrawDate.AddYears(2).AddDays(-1),
            [
                new ExperimentArm("control", ArmKind.Control, 200, RegimeOverrides.None),
                new ExperimentArm("exemption", ArmKind.Exemption, 100, new RegimeOverrides(JobSearch: JobSearchObligation.Exempt)),
            ],
            new EligibilityRules())
        { Strata = [StratumFactor.HouseholdType], Blocks = BlockWeighting.ByCapacity };

        var result = Draw(design, TestExperiments.Candidates(300));

        Assert.Equal(200, result.CountIn("control"));
        Assert.Equal(100, result.CountIn("exemption"));
        foreach (var stratum in result.Assignments.GroupBy(a => a.Stratum))
        {
            // Blocks of three slots (control, control, exemption): within one block of 2 : 1.
            var control = stratum.Count(a => a.Arm == "control");
            var exemption = stratum.Count(a => a.Arm == "exemption");
            Assert.InRange(control - (2 * exemption), -2, 2);
        }
    }

    [Fact]
    public void CapacityIsRespectedAndTheOverflowGoesToAWaitingListInDrawnOrder()
    {
        var design = TestExperiments.Tilburg(capacity: 10) with { Strata = [StratumFactor.HouseholdType] };
        var candidates = TestExperiments.Candidates(70);

        var result = Draw(design, candidates);

        Assert.All(design.Arms, arm => Assert.Equal(10, result.CountIn(arm.Name)));
        Assert.Equal(30, result.WaitingList.Count);
        Assert.Equal(Enumerable.Range(1, 30), result.WaitingList.Select(w => w.Position));
        Assert.Empty(result.Assignments.Select(a => a.ParticipantId).Intersect(result.WaitingList.Select(w => w.ParticipantId)));

        // The draw order is random across strata, so the waiting list is not one stratum's leftovers, nor in id order.
        Assert.True(result.WaitingList.Select(w => w.Stratum).Distinct().Count() > 1);
        Assert.NotEqual(result.WaitingList.Select(w => w.ParticipantId).Order(StringComparer.Ordinal), result.WaitingList.Select(w => w.ParticipantId));
    }

    [Fact]
    public void WhenOneArmIsFullTheOthersKeepFilling()
    {
        var design = TestExperiments.Tilburg();
        design = design with { Arms = [design.Arms[0] with { Capacity = 5 }, .. design.Arms.Skip(1)] };

        var result = Draw(design, TestExperiments.Candidates(100));

        Assert.Equal(5, result.CountIn("control"));
        Assert.Equal(100, result.Assignments.Count);
        Assert.Equal(95, result.CountIn("zelf-in-actie") + result.CountIn("extra-hulp") + result.CountIn("werken-loont"));
        Assert.Empty(result.WaitingList);
    }

    [Fact]
    public void IneligibleCandidatesAreListedWithTheirReasonsAndNotDrawn()
    {
        var candidates = TestExperiments.Candidates(20);
        var tooYoung = candidates[3] with { DateOfBirth = new DateOnly(2000, 1, 1) };
        candidates[3] = tooYoung;
        var design = TestExperiments.Tilburg() with { Eligibility = new EligibilityRules { HouseholdTypes = [HouseholdType.Single, HouseholdType.Couple] } };

        var result = Draw(design, candidates);

        var ineligible = Assert.Single(result.Ineligible, i => i.ParticipantId == tooYoung.ParticipantId);
        Assert.Equal("is 26 on 2026-03-01; the experiment admits people from 27", ineligible.Reasons[0]);
        Assert.All(
            result.Ineligible.Where(i => i.ParticipantId != tooYoung.ParticipantId),
            i => Assert.Equal(["household type single_parent is not among the experiment's (single, couple)"], i.Reasons));
        Assert.Equal(20, result.Assignments.Count + result.Ineligible.Count);
        Assert.DoesNotContain(result.Assignments, a => a.ParticipantId == tooYoung.ParticipantId);
    }

    [Fact]
    public void StrataAreNamedInAFixedOrderWhateverTheDesignLists()
    {
        var design = TestExperiments.Tilburg() with { Strata = [StratumFactor.HouseholdType, StratumFactor.Segment, StratumFactor.AgeBand] };
        var person = new Candidate("cl-x", new DateOnly(1980, 3, 2), Segment.WithinCut, "wk-a", HouseholdType.SingleParent);

        Assert.Equal("age:40-49|segment:within_cut|household:single_parent", Lottery.Stratum(design, person, DrawDate));
        Assert.Equal("age:50+", Lottery.Stratum(design with { Strata = [StratumFactor.AgeBand] }, person with { DateOfBirth = new DateOnly(1976, 3, 1) }, DrawDate));
        Assert.Equal("age:27-39", Lottery.Stratum(design with { Strata = [StratumFactor.AgeBand] }, person with { DateOfBirth = new DateOnly(1999, 3, 1) }, DrawDate));
        Assert.Equal("all", Lottery.Stratum(design with { Strata = [] }, person, DrawDate));
    }

    [Fact]
    public void AnUnknownAlgorithmIsRefused()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Lottery.Draw(TestExperiments.Tilburg(), Seed, "blocked-strata-v2", DrawDate, TestExperiments.Candidates(3)));

        Assert.StartsWith("Unknown lottery algorithm 'blocked-strata-v2'; known: blocked-strata-v1.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACandidateWhoSignedUpTwiceIsRefused()
    {
        var candidates = TestExperiments.Candidates(3);
        candidates.Add(candidates[1]);

        Assert.Throws<ArgumentException>(() => Draw(TestExperiments.Tilburg(), candidates));
    }

    [Fact]
    public void AnInvalidDesignIsRefused()
    {
        var design = TestExperiments.Tilburg() with { End = new DateOnly(2030, 1, 1) };

        var exception = Assert.Throws<ArgumentException>(() => Draw(design, TestExperiments.Candidates(3)));

        Assert.Contains("end must be within 2 years of start", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewSeedsDiffer()
    {
        Assert.NotEqual(Lottery.NewSeed(), Lottery.NewSeed());
    }

    [Fact]
    public void AnEmptySignUpGivesAnEmptyDraw()
    {
        var result = Draw(TestExperiments.Tilburg(), []);

        Assert.Empty(result.Assignments);
        Assert.Empty(result.WaitingList);
    }
}
