using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Experiments;

/// <summary>Designs and candidates built in code, so the tests depend on no configuration.</summary>
internal static class TestExperiments
{
    public static readonly DateOnly DrawDate = new(2026, 3, 1);

    public static ExperimentDesign Tilburg(int capacity = 300) => new(
        "tilburg-2026",
        new DateOnly(2026, 3, 1),
        new DateOnly(2028, 2, 29),
        [
            new ExperimentArm("control", ArmKind.Control, capacity, RegimeOverrides.None),
            new ExperimentArm("zelf-in-actie", ArmKind.Exemption, capacity, new RegimeOverrides(JobSearch: JobSearchObligation.Exempt, SanctionsAllowed: false)),
            new ExperimentArm("extra-hulp", ArmKind.ExtraGuidance, capacity, new RegimeOverrides(CaseloadCap: 60, ContactIntervalDays: 14)),
            new ExperimentArm("werken-loont", ArmKind.ExtraDisregard, capacity, new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Experimental)),
        ],
        new EligibilityRules());

    /// <summary>
    /// <paramref name="count"/> eligible candidates with deterministic opaque ids and a spread of ages, segments and
    /// household types.
    /// </summary>
    public static List<Candidate> Candidates(int count, string salt = "c") =>
        [.. Enumerable.Range(0, count).Select(i => new Candidate(
            Ids.FromRequestKey(IdKind.Client, $"{salt}{i}"),
            new DateOnly(1960 + (i * 7 % 35), 1 + (i % 12), 1 + (i % 28)),
            i % 2 == 0 ? Segment.BeyondCut : Segment.WithinCut,
            "wk-centrum",
            (HouseholdType)(1 + (i % 3))))];
}
