using System.Text.Json;
using System.Text.Json.Serialization;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Reintegration;

namespace Participatie.Benchmarks;

/// <summary>
/// The inputs the benchmarks share, shaped like the platform's own: the benefit table as shipped, the example
/// reintegration model of <c>appsettings.json</c>, the regime layers a person in an experiment has, and synthetic
/// people drawn from a fixed seed so every run measures the same work.
/// </summary>
public static class Inputs
{
    /// <summary>The month statements are computed for.</summary>
    public static readonly DateOnly Month = new(2026, 3, 1);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The dated benefit figures of <c>benefits.example.json</c>, read as configuration reads them.</summary>
    public static BenefitTable BenefitTable()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "benefits.example.json"));
        return JsonSerializer.Deserialize<BenefitsSection>(json, JsonOptions)!.Benefits;
    }

    /// <summary>The municipal default of <c>appsettings.json</c> (<c>municipal-2024</c>).</summary>
    public static RegimeLayer MunicipalDefault() => new(
        RegimeSource.MunicipalDefault,
        "municipal-2024",
        RegimeOverrides.All(new Regime(
            JobSearchObligation.Applies,
            CounterPerformance.Required,
            SanctionsAllowed: true,
            CaseloadCap: 125,
            ContactIntervalDays: 90,
            EarningsDisregardKind.Statutory,
            JobFoundBonus: false,
            GroupSupportBonus: false,
            BenefitLevel.Norm)),
        From: new DateOnly(2024, 1, 1));

    /// <summary>Every layer a person can have at once: default, trajectory, neighbourhood trial and experiment arm.</summary>
    public static IReadOnlyList<RegimeLayer> FourLayers() =>
    [
        MunicipalDefault(),
        new(RegimeSource.Trajectory, "50-plus", new RegimeOverrides(CounterPerformance: CounterPerformance.Voluntary, SanctionsAllowed: false, ContactIntervalDays: 60), new DateOnly(2025, 6, 1)),
        new(RegimeSource.NeighbourhoodTrial, "wk-bloemhof/groepsbonus", new RegimeOverrides(GroupSupportBonus: true), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
        new(RegimeSource.ExperimentArm, "vertrouwen-werkt/werken-loont", new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Experimental, JobFoundBonus: true), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
    ];

    /// <summary>The example model of <c>appsettings.json</c> (<c>Reintegration:Models</c>).</summary>
    public static ReintegrationModel ReintegrationModel() => new()
    {
        Name = "example-municipality-2024",
        EffectiveFrom = new DateOnly(2024, 1, 1),
        BaseMonths = 6,
        CutMonths = 24,
        MaximumMonths = 120,
        AgeBands = [Band(0, 0), Band(45, 6), Band(55, 12)],
        Education = new()
        {
            [EducationLevel.Primary] = 12,
            [EducationLevel.LowerSecondary] = 6,
            [EducationLevel.UpperSecondary] = 0,
            [EducationLevel.Higher] = -3,
        },
        WorkExperienceBands = [Band(0, 9), Band(1, 3), Band(5, 0)],
        Language = new()
        {
            [LanguageProficiency.Fluent] = 0,
            [LanguageProficiency.Adequate] = 3,
            [LanguageProficiency.Limited] = 9,
            [LanguageProficiency.VeryLimited] = 15,
        },
        Health = new()
        {
            [HealthLimitation.None] = 0,
            [HealthLimitation.Mild] = 6,
            [HealthLimitation.Substantial] = 15,
            [HealthLimitation.Severe] = 30,
        },
        SocialCircumstances = new()
        {
            [SocialCircumstance.ProblematicDebts] = 6,
            [SocialCircumstance.UnstableHousing] = 6,
            [SocialCircumstance.CareDuties] = 4,
            [SocialCircumstance.SocialIsolation] = 4,
        },
        YearsOnAssistanceBands = [Band(0, 0), Band(2, 3), Band(5, 9), Band(10, 15)],
    };

    /// <summary><paramref name="count"/> people's dates of birth and factors, spread as the demo city spreads them.</summary>
    public static (DateOnly DateOfBirth, ReintegrationFactors Factors)[] People(int count, ulong seed = 2026)
    {
        var random = new SplitMix64(seed);
        SocialCircumstance[] circumstances =
            [SocialCircumstance.ProblematicDebts, SocialCircumstance.UnstableHousing, SocialCircumstance.CareDuties, SocialCircumstance.SocialIsolation];
        return
        [
            .. Enumerable.Range(0, count).Select(_ =>
            {
                var age = 27 + random.NextBelow(40);
                var dateOfBirth = new DateOnly(Month.Year - age, 1 + random.NextBelow(12), 1 + random.NextBelow(28));
                var factors = new ReintegrationFactors(
                    (EducationLevel)(1 + random.NextBelow(4)),
                    random.NextBelow(Math.Min(40, age - 18) + 1),
                    (LanguageProficiency)(1 + random.NextBelow(4)),
                    (HealthLimitation)(1 + random.NextBelow(4)),
                    [.. circumstances.Where(_ => random.NextBelow(4) == 0)],
                    random.NextBelow(Math.Min(21, age - 18) + 1));
                return (dateOfBirth, factors);
            }),
        ];
    }

    /// <summary>
    /// A trust experiment of four arms of <paramref name="capacity"/> places, balanced on age band, segment and
    /// household, like <c>participatie seed</c>'s "Vertrouwen werkt".
    /// </summary>
    public static ExperimentDesign Experiment(int capacity) => new(
        "vertrouwen-werkt",
        new DateOnly(2026, 1, 1),
        new DateOnly(2027, 12, 31),
        [
            new ExperimentArm("control", ArmKind.Control, capacity, RegimeOverrides.None),
            new ExperimentArm("zelf-in-actie", ArmKind.Exemption, capacity, new RegimeOverrides(JobSearch: JobSearchObligation.Exempt, SanctionsAllowed: false)),
            new ExperimentArm("extra-hulp", ArmKind.ExtraGuidance, capacity, new RegimeOverrides(CaseloadCap: 60, ContactIntervalDays: 14)),
            new ExperimentArm("werken-loont", ArmKind.ExtraDisregard, capacity, new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Experimental)),
        ],
        new EligibilityRules())
    {
        Strata = [StratumFactor.AgeBand, StratumFactor.Segment, StratumFactor.HouseholdType],
    };

    /// <summary><paramref name="count"/> signed-up people with opaque ids, all eligible, spread over the strata.</summary>
    public static List<Candidate> Candidates(int count, ulong seed = 2026)
    {
        var random = new SplitMix64(seed);
        return
        [
            .. Enumerable.Range(0, count).Select(i => new Candidate(
                Ids.FromRequestKey(IdKind.Client, $"bench-{i}"),
                new DateOnly(1960 + random.NextBelow(36), 1 + random.NextBelow(12), 1 + random.NextBelow(28)),
                random.NextBelow(2) == 0 ? Segment.WithinCut : Segment.BeyondCut,
                $"wk-{random.NextBelow(100)}",
                (HouseholdType)(1 + random.NextBelow(3)))),
        ];
    }

    private static Band Band(int from, int months) => new() { From = from, Months = months };

    private sealed class BenefitsSection
    {
        public BenefitTable Benefits { get; set; } = new();
    }
}
