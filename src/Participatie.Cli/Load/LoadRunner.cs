using System.Diagnostics;
using Grpc.Core;

namespace Participatie.Cli.Load;

/// <summary>How to load the platform: <see cref="Prepare"/> persons as targets, with a coach per <see cref="CaseloadSize"/> of them.</summary>
internal sealed record LoadSettings(int DurationSeconds, int Concurrency, int WarmupSeconds, OperationMix Mix, int Prepare, int CaseloadSize, int? Seed);

/// <summary>
/// The outcome of a run: the figures per operation in the order of the mix, of the reads and of the writes (when the
/// mix has any), and of all calls together.
/// </summary>
internal sealed record LoadReport(IReadOnlyList<OperationStats> Operations, IReadOnlyList<OperationStats> Kinds, OperationStats Total, TimeSpan Window);

/// <summary>
/// Drives the gateway with <see cref="LoadSettings.Concurrency"/> workers that each make one call after the other,
/// drawing every operation from the mix. Calls that start in the warm-up, or are still in flight at the deadline, are
/// not counted. Every worker records into recorders of its own, merged after the run, so measuring takes no locks.
/// </summary>
internal sealed class LoadRunner(LoadContext context, LoadSettings settings)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        var window = TimeSpan.FromSeconds(settings.DurationSeconds);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(warmup + window);

        var entries = settings.Mix.Entries;
        var recorders = new LatencyRecorder[settings.Concurrency][];
        var workers = new Task[settings.Concurrency];
        for (var w = 0; w < settings.Concurrency; w++)
        {
            recorders[w] = [.. entries.Select(_ => new LatencyRecorder())];
            var random = settings.Seed is { } seed ? new Random(unchecked((seed * 1031) + w)) : new Random();
            var mine = recorders[w];
            workers[w] = Task.Run(() => WorkerAsync(random, mine, measureFrom, measureUntil, stop.Token), CancellationToken.None);
        }

        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();

        var operations = entries
            .Select((entry, i) => LatencyRecorder.Merge(entry.Operation.Name, recorders.Select(r => r[i]), window))
            .ToList();
        var kinds = new[] { (OperationKind.Read, "READS"), (OperationKind.Write, "WRITES") }
            .Where(k => entries.Any(e => e.Operation.Kind == k.Item1))
            .Select(k => LatencyRecorder.Merge(k.Item2, recorders.SelectMany(r => r.Where((_, i) => entries[i].Operation.Kind == k.Item1)), window))
            .ToList();
        var total = LatencyRecorder.Merge("TOTAL", recorders.SelectMany(r => r), window);
        return new LoadReport(operations, kinds, total, window);
    }

    private async Task WorkerAsync(Random random, LatencyRecorder[] recorders, long measureFrom, long measureUntil, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var index = settings.Mix.Pick(random);
            var started = Stopwatch.GetTimestamp();
            StatusCode? failure = null;
            try
            {
                await settings.Mix.Entries[index].Operation.Call(context, random, new CallOptions(deadline: DateTime.UtcNow.Add(CallDeadline), cancellationToken: stop));
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
                // In flight at the deadline: not counted.
                break;
            }
            catch (RpcException exception)
            {
                failure = exception.StatusCode;
            }

            var ended = Stopwatch.GetTimestamp();
            if (started < measureFrom || ended > measureUntil)
            {
                continue;
            }

            if (failure is { } code)
            {
                recorders[index].Failure(code);
            }
            else
            {
                recorders[index].Success(ended - started);
            }
        }
    }
}
