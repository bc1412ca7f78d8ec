using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Benefits;

/// <summary>
/// DOMAIN.md: "an experiment or neighbourhood regime never pays less than the regular regime for the same facts — except
/// a trajectory the person chose, with recorded consent, that trades a lower benefit for freedom from rules."
/// Checked on thousands of random facts and random layers (seeded, so a failure reproduces).
/// </summary>
public sealed class NoOneWorseOffTests
{
    private const int Cases = 4000;

    private static readonly BenefitTable Table = TestTables.WithBasicBenefit();

    [Fact]
    public void NoLayerAboveTheMunicipalDefaultPaysLessExceptAConsentedBasicBenefit()
    {
        var random = new SplitMix64(20260301);
        var lowerWithConsent = 0;
        var higher = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (month, facts, municipal, layers) = RandomCase(random);

            var regular = BenefitCalculator.Calculate(facts, RegimeResolver.Resolve([municipal], month).Regime, Table, month);
            var regime = RegimeResolver.Resolve(layers, month).Regime;
            var statement = BenefitCalculator.Calculate(facts, regime, Table, month);

            Assert.True(statement.TotalCents >= 0, $"case {i}: negative total");
            var consentedBasic = regime.BenefitLevel == BenefitLevel.OptInBasic && facts.BasicBenefitConsent <= month;
            if (statement.TotalCents < regular.TotalCents)
            {
                Assert.True(consentedBasic, $"case {i}: {statement.TotalCents} < {regular.TotalCents} under {regime} for {facts}");
                lowerWithConsent++;
            }
            else if (statement.TotalCents > regular.TotalCents)
            {
                higher++;
            }
        }

        // The cases must actually occur, or the loop proves nothing.
        Assert.True(lowerWithConsent > 20, $"only {lowerWithConsent} consented basic benefits paid less");
        Assert.True(higher > 500, $"only {higher} cases paid more");
    }

    [Fact]
    public void WithoutTheResolversGuardSomeLayersWouldPayLess()
    {
        // The same random cases, but each layer's settings applied blindly: this is what the property guards against.
        var random = new SplitMix64(20260301);
        var worseOff = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (month, facts, municipal, layers) = RandomCase(random);
            var blind = layers.Skip(1).Aggregate(RegimeResolver.Resolve([municipal], month).Regime, Apply) with { BenefitLevel = BenefitLevel.Norm };

            var regular = BenefitCalculator.Calculate(facts, RegimeResolver.Resolve([municipal], month).Regime, Table, month);
            if (BenefitCalculator.Calculate(facts, blind, Table, month).TotalCents < regular.TotalCents)
            {
                worseOff++;
            }
        }

        Assert.True(worseOff > 100, $"only {worseOff} blind cases paid less");
    }

    private static (DateOnly Month, BenefitFacts Facts, RegimeLayer Municipal, List<RegimeLayer> Layers) RandomCase(SplitMix64 random)
    {
        var month = new DateOnly(2024, 1, 1).AddMonths(random.NextBelow(36));
        var facts = RandomFacts(random, month);
        var municipal = new RegimeLayer(RegimeSource.MunicipalDefault, "municipal", RegimeOverrides.All(RandomRegime(random)));
        return (month, facts, municipal, RandomLayers(random, municipal));
    }

    private static List<RegimeLayer> RandomLayers(SplitMix64 random, RegimeLayer municipal)
    {
        var layers = new List<RegimeLayer> { municipal };
        if (Coin(random))
        {
            layers.Add(new RegimeLayer(RegimeSource.Trajectory, "trajectory", RandomOverrides(random, allowBasic: true)));
        }

        if (Coin(random))
        {
            layers.Add(new RegimeLayer(RegimeSource.NeighbourhoodTrial, "neighbourhood", RandomOverrides(random, allowBasic: false)));
        }

        if (Coin(random))
        {
            layers.Add(new RegimeLayer(RegimeSource.ExperimentArm, "experiment/arm", RandomOverrides(random, allowBasic: false)));
        }

        return layers;
    }

    private static BenefitFacts RandomFacts(SplitMix64 random, DateOnly month)
    {
        var age = 25 + random.NextBelow(42);
        var sanctions = Enumerable.Range(0, random.NextBelow(3))
            .Select(n => new Sanction($"MR-{n}", month.AddMonths(-random.NextBelow(3)), 1 + random.NextBelow(100), 1 + random.NextBelow(3), Coin(random)))
            .ToList();
        return new BenefitFacts(
            (HouseholdType)(1 + random.NextBelow(3)),
            new DateOnly(month.Year - age, 1 + random.NextBelow(12), 1 + random.NextBelow(28)),
            AdultsInHome: 1 + random.NextBelow(4),
            EarningsCents: random.NextBelow(3) == 0 ? 0 : random.NextBelow(300_001))
        {
            StatutoryDisregardStart = Coin(random) ? null : month.AddMonths(-random.NextBelow(10)),
            WorkHoursPerWeek = random.NextBelow(41),
            InGroupSupport = Coin(random),
            Sanctions = sanctions,
            BasicBenefitConsent = random.NextBelow(3) switch
            {
                0 => null,
                1 => month.AddDays(-random.NextBelow(60)),
                _ => month.AddDays(1 + random.NextBelow(30)),
            },
        };
    }

    private static Regime RandomRegime(SplitMix64 random) => new(
        Pick<JobSearchObligation>(random, 2),
        Pick<CounterPerformance>(random, 3),
        Coin(random),
        25 + random.NextBelow(326),
        7 + random.NextBelow(174),
        Pick<EarningsDisregardKind>(random, 2),
        Coin(random),
        Coin(random),
        BenefitLevel.Norm);

    private static RegimeOverrides RandomOverrides(SplitMix64 random, bool allowBasic) => new(
        Coin(random) ? Pick<JobSearchObligation>(random, 2) : null,
        Coin(random) ? Pick<CounterPerformance>(random, 3) : null,
        Coin(random) ? Coin(random) : null,
        Coin(random) ? 25 + random.NextBelow(326) : null,
        Coin(random) ? 7 + random.NextBelow(174) : null,
        Coin(random) ? Pick<EarningsDisregardKind>(random, 2) : null,
        Coin(random) ? Coin(random) : null,
        Coin(random) ? Coin(random) : null,
        Coin(random) ? (allowBasic ? Pick<BenefitLevel>(random, 2) : BenefitLevel.Norm) : null);

    private static Regime Apply(Regime regime, RegimeLayer layer)
    {
        var s = layer.Settings;
        return new Regime(
            s.JobSearch ?? regime.JobSearch,
            s.CounterPerformance ?? regime.CounterPerformance,
            s.SanctionsAllowed ?? regime.SanctionsAllowed,
            s.CaseloadCap ?? regime.CaseloadCap,
            s.ContactIntervalDays ?? regime.ContactIntervalDays,
            s.EarningsDisregard ?? regime.EarningsDisregard,
            s.JobFoundBonus ?? regime.JobFoundBonus,
            s.GroupSupportBonus ?? regime.GroupSupportBonus,
            s.BenefitLevel ?? regime.BenefitLevel);
    }

    private static bool Coin(SplitMix64 random) => random.NextBelow(2) == 0;

    private static T Pick<T>(SplitMix64 random, int count)
        where T : struct, Enum => (T)Enum.ToObject(typeof(T), 1 + random.NextBelow(count));
}
