using BenchmarkDotNet.Attributes;
using Participatie.Domain.Experiments;

namespace Participatie.Benchmarks;

/// <summary>
/// The draw of a trust experiment (<c>blocked-strata-v1</c>) balanced on age band, segment and household: four arms of
/// 300 places, with as many sign-ups as places, and with ten times as many (the rest go to the waiting list).
/// </summary>
[MemoryDiagnoser]
public class LotteryBenchmarks
{
    private const int Capacity = 300;
    private static readonly DateOnly DrawDate = new(2026, 1, 1);

    private readonly ExperimentDesign _design = Inputs.Experiment(Capacity);
    private List<Candidate> _signedUp = [];

    [Params(1_200, 12_000)]
    public int SignUps { get; set; }

    [GlobalSetup]
    public void Setup() => _signedUp = Inputs.Candidates(SignUps);

    [Benchmark]
    public LotteryResult Draw() => Lottery.Draw(_design, seed: 0x5EED_2026, Lottery.BlockedStrataV1, DrawDate, _signedUp);

    /// <summary>The stratum of every sign-up alone: the share of a draw that grows with the design's strata.</summary>
    [Benchmark]
    public int StrataOfEveryone() => _signedUp.Count(c => Lottery.Stratum(_design, c, DrawDate).Length > 0);
}
