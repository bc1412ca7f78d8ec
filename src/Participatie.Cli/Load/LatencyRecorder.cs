using System.Diagnostics;
using Grpc.Core;

namespace Participatie.Cli.Load;

/// <summary>
/// What one worker measured of one operation: the latency of every successful call in <see cref="Stopwatch"/> ticks
/// and the failed calls by status code. Not thread-safe: each worker has its own, merged after the run.
/// </summary>
internal sealed class LatencyRecorder
{
    public List<long> Latencies { get; } = [];

    public Dictionary<StatusCode, int> Errors { get; } = [];

    public void Success(long ticks) => Latencies.Add(ticks);

    public void Failure(StatusCode code) => Errors[code] = Errors.GetValueOrDefault(code) + 1;

    /// <summary>Merges the recorders of all workers for one operation into its figures over <paramref name="window"/>.</summary>
    public static OperationStats Merge(string name, IEnumerable<LatencyRecorder> recorders, TimeSpan window)
    {
        var latencies = new List<long>();
        var errors = new SortedDictionary<StatusCode, int>();
        foreach (var recorder in recorders)
        {
            latencies.AddRange(recorder.Latencies);
            foreach (var (code, count) in recorder.Errors)
            {
                errors[code] = errors.GetValueOrDefault(code) + count;
            }
        }

        latencies.Sort();
        var errorCount = errors.Values.Sum();
        return new OperationStats(
            name,
            Calls: latencies.Count + errorCount,
            Errors: errorCount,
            ErrorsByCode: errors,
            CallsPerSecond: (latencies.Count + errorCount) / Math.Max(window.TotalSeconds, 0.001),
            P50Ms: Percentile(latencies, 0.50),
            P95Ms: Percentile(latencies, 0.95),
            P99Ms: Percentile(latencies, 0.99),
            MaxMs: latencies.Count == 0 ? 0 : ToMilliseconds(latencies[^1]));
    }

    /// <summary>The nearest-rank percentile of sorted latencies, in milliseconds; 0 when there are none.</summary>
    private static double Percentile(List<long> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return ToMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)]);
    }

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>The figures of one operation (or of all together) in the measured window; latencies of successful calls.</summary>
internal sealed record OperationStats(
    string Name,
    int Calls,
    int Errors,
    IReadOnlyDictionary<StatusCode, int> ErrorsByCode,
    double CallsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs);
