using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Experiments;

/// <summary>
/// Pins the exact outcome of blocked-strata-v1 for a small fixed input. A recorded draw must be reproducible for years:
/// if this test fails, the algorithm changed, and the change needs a new algorithm name instead. The expected values were
/// also produced by an independent implementation written from the algorithm's documentation alone.
/// </summary>
public sealed class LotteryGoldenTests
{
    private static readonly ExperimentDesign Design = new(
        "golden-2026",
        new DateOnly(2026, 3, 1),
        new DateOnly(2027, 2, 28),
        [
            // Listed out of name order on purpose: the block template orders arms by name.
            new ExperimentArm("zelf-in-actie", ArmKind.Exemption, 3, new RegimeOverrides(JobSearch: JobSearchObligation.Exempt)),
            new ExperimentArm("control", ArmKind.Control, 4, RegimeOverrides.None),
            new ExperimentArm("extra-hulp", ArmKind.ExtraGuidance, 4, new RegimeOverrides(ContactIntervalDays: 14)),
        ],
        new EligibilityRules())
    { Strata = [StratumFactor.HouseholdType] };

    private static readonly Candidate[] SignedUp =
    [
        Person("cl-7m2k9q4t8v1x3z5b", 1971, 4, 30, HouseholdType.Single),
        Person("cl-0a1b2c3d4e5f6g7h", 1965, 11, 2, HouseholdType.Couple),
        Person("cl-h8j9k0m1n2p3q4r5", 1988, 6, 15, HouseholdType.Single),
        Person("cl-s6t7v8w9x0y1z2a3", 1990, 1, 9, HouseholdType.SingleParent),
        Person("cl-b4c5d6e7f8g9h0j1", 1959, 8, 21, HouseholdType.Single),
        Person("cl-k2m3n4p5q6r7s8t9", 1983, 3, 1, HouseholdType.Couple),
        Person("cl-v0w1x2y3z4a5b6c7", 1975, 12, 12, HouseholdType.SingleParent),
        Person("cl-d8e9f0g1h2j3k4m5", 2001, 2, 14, HouseholdType.Single),
        Person("cl-n6p7q8r9s0t1v2w3", 1969, 7, 7, HouseholdType.Single),
        Person("cl-x4y5z6a7b8c9d0e1", 1979, 9, 30, HouseholdType.Couple),
        Person("cl-f2g3h4j5k6m7n8p9", 1962, 5, 5, HouseholdType.SingleParent),
        Person("cl-q0r1s2t3v4w5x6y7", 1994, 10, 10, HouseholdType.Single),
        Person("cl-z8a9b0c1d2e3f4g5", 1986, 2, 28, HouseholdType.Couple),
    ];

    [Fact]
    public void Seed20260301DrawsExactlyThisAssignment()
    {
        var result = Lottery.Draw(Design, 20260301, Lottery.BlockedStrataV1, new DateOnly(2026, 3, 1), SignedUp);

        Assert.Equal(
            [
                new Assignment("cl-0a1b2c3d4e5f6g7h", "control", "household:couple"),
                new Assignment("cl-7m2k9q4t8v1x3z5b", "control", "household:single"),
                new Assignment("cl-b4c5d6e7f8g9h0j1", "zelf-in-actie", "household:single"),
                new Assignment("cl-f2g3h4j5k6m7n8p9", "control", "household:single_parent"),
                new Assignment("cl-h8j9k0m1n2p3q4r5", "extra-hulp", "household:single"),
                new Assignment("cl-k2m3n4p5q6r7s8t9", "zelf-in-actie", "household:couple"),
                new Assignment("cl-n6p7q8r9s0t1v2w3", "extra-hulp", "household:single"),
                new Assignment("cl-q0r1s2t3v4w5x6y7", "control", "household:single"),
                new Assignment("cl-s6t7v8w9x0y1z2a3", "zelf-in-actie", "household:single_parent"),
                new Assignment("cl-v0w1x2y3z4a5b6c7", "extra-hulp", "household:single_parent"),
                new Assignment("cl-z8a9b0c1d2e3f4g5", "extra-hulp", "household:couple"),
            ],
            result.Assignments);
        Assert.Equal([new WaitingListEntry("cl-x4y5z6a7b8c9d0e1", 1, "household:couple")], result.WaitingList);
        Assert.Equal("cl-d8e9f0g1h2j3k4m5", Assert.Single(result.Ineligible).ParticipantId);
    }

    private static Candidate Person(string id, int year, int month, int day, HouseholdType household) =>
        new(id, new DateOnly(year, month, day), Segment.WithinCut, "wk-centrum", household);
}
