using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>What to seed.</summary>
internal sealed record SeedSettings(int Neighbourhoods, int Coaches, int Clients, int Concurrency, int Seed);

/// <summary>One step of the seed: how many calls it made, how many succeeded, and how long it took.</summary>
internal sealed record StepReport(string Name, int Requested, int Succeeded, TimeSpan Elapsed)
{
    public double PerSecond => Succeeded / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>The outcome of a seed run.</summary>
internal sealed record SeedReport(
    IReadOnlyList<StepReport> Steps,
    int CaseloadPlaces,
    int AlreadyAssigned,
    int WithoutCoach,
    FailureLog Failures,
    TimeSpan Elapsed);

/// <summary>
/// Builds the demo city through the gateway in four steps: neighbourhoods, coaches, people, and assignments of people
/// to coaches. Each step runs with at most <see cref="SeedSettings.Concurrency"/> calls in flight. A call that fails
/// is counted and the run goes on; one that stays unavailable after its retries stops the run, as the platform is gone.
/// </summary>
internal sealed class Seeder(GrpcChannel channel, SeedSettings settings, TextWriter progress)
{
    private readonly NeighbourhoodService.NeighbourhoodServiceClient _neighbourhoods = new(channel);
    private readonly CoachService.CoachServiceClient _coaches = new(channel);
    private readonly ClientService.ClientServiceClient _clients = new(channel);
    private readonly FailureLog _failures = new();
    private readonly CoachPool _pool = new();
    private int _withoutCoach;

    public async Task<SeedReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var city = new DemoCity(settings.Seed, settings.Neighbourhoods, DateOnly.FromDateTime(DateTime.Now));
        var caseloadLimit = DemoCity.CaseloadLimit(settings.Clients, settings.Coaches);

        var (_, neighbourhoodStep) = await StepAsync("neighbourhoods", city.Neighbourhoods.Count,
            i => $"creating {city.Neighbourhoods[i].Id}",
            (i, token) => Retry.CallAsync(o => _neighbourhoods.CreateNeighbourhoodAsync(DemoCity.Neighbourhood(city.Neighbourhoods[i]), o), token),
            cancellationToken);

        var (coaches, coachStep) = await StepAsync("coaches", settings.Coaches,
            i => $"creating coach {i}",
            (i, token) => Retry.CallAsync(o => _coaches.CreateCoachAsync(city.Coach(i, caseloadLimit), o), token),
            cancellationToken);
        // A coach created by an earlier run keeps the caseload limit of that run.
        foreach (var created in coaches)
        {
            _pool.Add(created.Coach);
        }

        var (registered, clientStep) = await StepAsync("clients", settings.Clients,
            i => $"registering client {i}",
            (i, token) => Retry.CallAsync(o => _clients.RegisterClientAsync(city.Client(i), o), token),
            cancellationToken);

        // A repeated seed finds the people it assigned before with their coach already.
        var unassigned = registered.Select(r => r.Client).Where(c => c.CoachId.Length == 0).ToList();
        var (_, assignmentStep) = await StepAsync("assignments", unassigned.Count,
            i => $"assigning {unassigned[i].ClientId}",
            (i, token) => AssignAsync(unassigned[i], token),
            cancellationToken);

        return new SeedReport(
            [neighbourhoodStep, coachStep, clientStep, assignmentStep],
            CaseloadPlaces: coaches.Sum(c => c.Coach.CaseloadLimit),
            AlreadyAssigned: registered.Count - unassigned.Count,
            WithoutCoach: _withoutCoach,
            _failures,
            clock.Elapsed);
    }

    /// <summary>Assigns a person to a coach with room, preferably one of their neighbourhood; null when all are full.</summary>
    private async Task<AssignClientResponse?> AssignAsync(Client client, CancellationToken cancellationToken)
    {
        while (_pool.Take(client.NeighbourhoodId) is { } coachId)
        {
            try
            {
                var request = new AssignClientRequest { CoachId = coachId, ClientId = client.ClientId };
                return await Retry.CallAsync(o => _coaches.AssignClientAsync(request, o), cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
            {
                // CASELOAD_FULL: the coach filled up behind our back; try the next one.
                _pool.MarkFull(coachId);
            }
            catch
            {
                _pool.GiveBack(coachId);
                throw;
            }
        }

        Interlocked.Increment(ref _withoutCoach);
        return null;
    }

    /// <summary>Runs <paramref name="call"/> for indexes 0 to <paramref name="count"/> - 1 with bounded concurrency.</summary>
    private async Task<(List<T> Succeeded, StepReport Report)> StepAsync<T>(
        string name,
        int count,
        Func<int, string> describe,
        Func<int, CancellationToken, Task<T?>> call,
        CancellationToken cancellationToken)
        where T : class
    {
        var results = new T?[count];
        var bar = new ProgressBar(progress, name, count);
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
            {
                try
                {
                    results[i] = await call(i, token);
                }
                catch (RpcException exception) when (exception.StatusCode is not (StatusCode.Unavailable or StatusCode.Cancelled))
                {
                    _failures.Add(describe(i), exception);
                }

                bar.Advance();
            });
        }
        finally
        {
            bar.Finish();
        }

        var succeeded = results.OfType<T>().ToList();
        return (succeeded, new StepReport(name, count, succeeded.Count, clock.Elapsed));
    }
}
