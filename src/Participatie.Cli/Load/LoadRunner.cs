using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Seeding;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>How to load the platform.</summary>
internal sealed record LoadSettings(int DurationSeconds, int Concurrency, int WarmupSeconds, OperationMix Mix, int Prepare, int? Seed);

/// <summary>The outcome of a run: the figures per operation in the order of the mix, and of all calls together.</summary>
internal sealed record LoadReport(IReadOnlyList<OperationStats> Operations, OperationStats Total, TimeSpan Window);

/// <summary>
/// Drives the gateway with <see cref="LoadSettings.Concurrency"/> workers that each make one call after the other,
/// drawing every operation from the mix. Calls that start in the warm-up, or are still in flight at the deadline, are
/// not counted. Every worker records into recorders of its own, merged after the run, so measuring takes no locks.
/// </summary>
internal sealed class LoadRunner(GrpcChannel channel, LoadSettings settings, LoadTargets targets)
{
    private const string Caller = "load";
    private const int CaseloadPageSize = 1000;
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    private readonly AdminService.AdminServiceClient _admin = new(channel);
    private readonly ClientService.ClientServiceClient _clients = new(channel);
    private readonly CoachService.CoachServiceClient _coaches = new(channel);
    private readonly NeighbourhoodService.NeighbourhoodServiceClient _neighbourhoods = new(channel);
    private readonly DemoCity _city = new(settings.Seed ?? Environment.TickCount, targets.NeighbourhoodIds.Count, DateOnly.FromDateTime(DateTime.Now));
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private int _registered;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var warmup = TimeSpan.FromSeconds(settings.WarmupSeconds);
        var window = TimeSpan.FromSeconds(settings.DurationSeconds);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(warmup + window);

        var operations = settings.Mix.Entries.Select(e => e.Operation).ToArray();
        var recorders = new Dictionary<Operation, LatencyRecorder>[settings.Concurrency];
        var workers = new Task[settings.Concurrency];
        for (var w = 0; w < settings.Concurrency; w++)
        {
            recorders[w] = operations.ToDictionary(o => o, _ => new LatencyRecorder());
            var random = settings.Seed is { } seed ? new Random(unchecked((seed * 1031) + w)) : new Random();
            var mine = recorders[w];
            workers[w] = Task.Run(() => WorkerAsync(random, mine, measureFrom, measureUntil, stop.Token), CancellationToken.None);
        }

        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();

        var stats = operations
            .Select(o => LatencyRecorder.Merge(OperationMix.NameOf(o), recorders.Select(r => r[o]), window))
            .ToList();
        var total = LatencyRecorder.Merge("TOTAL", recorders.SelectMany(r => r.Values), window);
        return new LoadReport(stats, total, window);
    }

    private async Task WorkerAsync(Random random, Dictionary<Operation, LatencyRecorder> recorders, long measureFrom, long measureUntil, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var operation = settings.Mix.Pick(random);
            var started = Stopwatch.GetTimestamp();
            StatusCode? failure = null;
            try
            {
                await CallAsync(operation, random, stop);
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
                recorders[operation].Failure(code);
            }
            else
            {
                recorders[operation].Success(ended - started);
            }
        }
    }

    private Task CallAsync(Operation operation, Random random, CancellationToken stop)
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(CallDeadline), cancellationToken: stop);
        return operation switch
        {
            Operation.Ping => _admin.PingAsync(new PingRequest { Payload = Caller }, options).ResponseAsync,
            Operation.GetClient => _clients.GetClientAsync(new GetClientRequest { ClientId = Any(random, targets.ClientIds) }, options).ResponseAsync,
            Operation.Caseload => _coaches.GetCaseloadAsync(
                new GetCaseloadRequest { CoachId = Any(random, targets.CoachIds), PageSize = CaseloadPageSize }, options).ResponseAsync,
            Operation.Neighbourhood => _neighbourhoods.GetNeighbourhoodAsync(
                new GetNeighbourhoodRequest { NeighbourhoodId = Any(random, targets.NeighbourhoodIds) }, options).ResponseAsync,
            Operation.Assess => _clients.AssessReintegrationAsync(
                new AssessReintegrationRequest { ClientId = Any(random, targets.ClientIds), AssessedBy = Caller }, options).ResponseAsync,
            Operation.Register => _clients.RegisterClientAsync(NewPerson(random), options).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not an operation"),
        };
    }

    private RegisterClientRequest NewPerson(Random random)
    {
        var index = Interlocked.Increment(ref _registered);
        return LoadTargets.SyntheticPerson(_city, index, $"load-{_runId}-{index}", Any(random, targets.NeighbourhoodIds));
    }

    private static string Any(Random random, IReadOnlyList<string> ids) => ids[random.Next(ids.Count)];
}
