using BenchmarkDotNet.Attributes;
using Participatie.Domain.Reintegration;

namespace Participatie.Benchmarks;

/// <summary>
/// The reintegration estimate computed at intake and on every assessment, with the example model of
/// <c>appsettings.json</c>; each invocation estimates the next of 1,024 synthetic people, so the branches are mixed as
/// in a real caseload.
/// </summary>
[MemoryDiagnoser]
public class ReintegrationEstimateBenchmarks
{
    private const int PeopleCount = 1024;

    private readonly ReintegrationModel _model = Inputs.ReintegrationModel();
    private readonly ReintegrationPolicy _policy = new() { Models = [Inputs.ReintegrationModel()] };
    private readonly (DateOnly DateOfBirth, ReintegrationFactors Factors)[] _people = Inputs.People(PeopleCount);
    private int _next;

    [Benchmark(Baseline = true)]
    public ComputedEstimate Estimate()
    {
        var (dateOfBirth, factors) = _people[_next++ & (PeopleCount - 1)];
        return ReintegrationEstimator.Estimate(_model, dateOfBirth, factors, Inputs.Month);
    }

    /// <summary>As at intake: the model in force on the day is looked up first.</summary>
    [Benchmark]
    public ComputedEstimate ModelOnDayAndEstimate()
    {
        var (dateOfBirth, factors) = _people[_next++ & (PeopleCount - 1)];
        return ReintegrationEstimator.Estimate(_policy.ModelOn(Inputs.Month), dateOfBirth, factors, Inputs.Month);
    }
}
