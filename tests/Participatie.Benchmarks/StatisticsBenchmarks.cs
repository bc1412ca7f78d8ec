using BenchmarkDotNet.Attributes;
using Participatie.Domain.Statistics;

namespace Participatie.Benchmarks;

/// <summary>The tests an experiment report makes per arm and measure: a two-proportion z-test and Welch's t-test.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private readonly ShareSample _armShare = new(300, 84);
    private readonly ShareSample _controlShare = new(300, 45);
    private readonly MeanSample _armMean = new(300, 11.8, 96.4);
    private readonly MeanSample _controlMean = new(290, 9.1, 81.0);

    [Benchmark]
    public ArmComparison TwoProportionZTest() => ArmComparisons.Shares(_armShare, _controlShare, treatedInArm: 288);

    [Benchmark]
    public ArmComparison WelchTTest() => ArmComparisons.Means(_armMean, _controlMean, treatedInArm: 288);
}
