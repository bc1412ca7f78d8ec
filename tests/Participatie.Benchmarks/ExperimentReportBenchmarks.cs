using BenchmarkDotNet.Attributes;
using Participatie.Domain.Experiments;
using Participatie.Domain.Statistics;

namespace Participatie.Benchmarks;

/// <summary>
/// An experiment report as <c>GetResults</c> computes it: five measures, three arms against control; and the mean and
/// variance of one arm's outcomes, which it computes for every measure of means.
/// </summary>
[MemoryDiagnoser]
public class ExperimentReportBenchmarks
{
    private double[] _hours = [];
    private IReadOnlyList<ExperimentArm> _arms = [];
    private List<ReportedParticipant> _participants = [];

    /// <summary>People per arm with an outcome in the month.</summary>
    [Params(300, 3000)]
    public int PerArm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(20260301);
        _hours = [.. Enumerable.Range(0, PerArm).Select(_ => (double)random.NextBelow(41))];
        _arms = Inputs.Experiment(PerArm).Arms;
        _participants =
        [
            .. _arms.SelectMany(arm => Enumerable.Range(0, PerArm).Select(_ =>
            {
                var withdrawn = arm.Kind != ArmKind.Control && random.NextBelow(25) == 0;
                var outcome = new MonthlyOutcome(
                    HoursWorkedPerWeek: random.NextBelow(3) == 0 ? random.NextBelow(41) : 0,
                    Independent: random.NextBelow(12) == 0,
                    ParticipationHours: random.NextBelow(20),
                    WellBeing: random.NextBelow(5) == 0 ? null : random.NextBelow(11),
                    Synthetic: true);
                return new ReportedParticipant(arm.Name, Treated: arm.Kind != ArmKind.Control && !withdrawn, withdrawn, outcome);
            })),
        ];
    }

    [Benchmark]
    public MeanSample MeanAndVariance() => MeanSample.Of(_hours);

    [Benchmark]
    public IReadOnlyList<ArmReport> ExperimentReportOfFourArms() => ExperimentReport.Compare(_arms, _participants);
}
