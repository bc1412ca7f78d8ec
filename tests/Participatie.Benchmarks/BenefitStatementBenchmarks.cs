using BenchmarkDotNet.Attributes;
using Participatie.Domain.Benefits;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Benchmarks;

/// <summary>
/// A month's benefit statement, as the payment run computes it for every person: the calculation alone for three
/// typical cases, and with the regime resolved from all four layers first, which is what a person's grain does when a
/// statement is asked for.
/// </summary>
[MemoryDiagnoser]
public class BenefitStatementBenchmarks
{
    private readonly BenefitTable _table = Inputs.BenefitTable();
    private readonly IReadOnlyList<RegimeLayer> _layers = Inputs.FourLayers();
    private Regime _municipal = null!;
    private Regime _experimentArm = null!;

    /// <summary>Single, 45, part-time earnings in the third month of the statutory disregard.</summary>
    private readonly BenefitFacts _singleWithEarnings = new(HouseholdType.Single, new DateOnly(1981, 5, 12), AdultsInHome: 1, EarningsCents: 45_000)
    {
        StatutoryDisregardStart = new DateOnly(2026, 1, 1),
        WorkHoursPerWeek = 12,
    };

    /// <summary>A couple sharing a home with a third adult (cost-sharer norm), with a measure of 10% spread over three months.</summary>
    private readonly BenefitFacts _costSharingCoupleWithSanction = new(HouseholdType.Couple, new DateOnly(1970, 9, 3), AdultsInHome: 3, EarningsCents: 0)
    {
        Sanctions = [new Sanction("MR-2026-017", new DateOnly(2026, 2, 1), Percent: 10, Months: 1, SpreadOverThreeMonths: true)],
    };

    /// <summary>Full-time work in an arm with the experimental disregard and the job-found bonus, taking part in group support.</summary>
    private readonly BenefitFacts _fullTimeInExperiment = new(HouseholdType.SingleParent, new DateOnly(1988, 2, 29), AdultsInHome: 1, EarningsCents: 120_000)
    {
        StatutoryDisregardStart = new DateOnly(2025, 11, 1),
        WorkHoursPerWeek = 32,
        InGroupSupport = true,
    };

    [GlobalSetup]
    public void Setup()
    {
        _municipal = RegimeResolver.Resolve([_layers[0]], Inputs.Month).Regime;
        _experimentArm = RegimeResolver.Resolve(_layers, Inputs.Month).Regime;
    }

    [Benchmark(Baseline = true)]
    public BenefitStatement SingleWithEarnings() => BenefitCalculator.Calculate(_singleWithEarnings, _municipal, _table, Inputs.Month);

    [Benchmark]
    public BenefitStatement CostSharingCoupleWithSanction() => BenefitCalculator.Calculate(_costSharingCoupleWithSanction, _municipal, _table, Inputs.Month);

    [Benchmark]
    public BenefitStatement FullTimeInExperimentArm() => BenefitCalculator.Calculate(_fullTimeInExperiment, _experimentArm, _table, Inputs.Month);

    [Benchmark]
    public BenefitStatement ResolveFourLayersAndCalculate() =>
        BenefitCalculator.Calculate(_fullTimeInExperiment, RegimeResolver.Resolve(_layers, Inputs.Month).Regime, _table, Inputs.Month);
}
