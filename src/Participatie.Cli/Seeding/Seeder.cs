using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Seeding;

/// <summary>Calls as a person's coach: a channel without the command's own credentials, and the headers of a coach's token.</summary>
internal sealed record CoachCalls(GrpcChannel Channel, Func<string, Metadata> Headers);

/// <summary>What to seed; an experiment arm size of 0 leaves the experiment out.</summary>
internal sealed record SeedSettings(int Neighbourhoods, int Coaches, int Clients, int Concurrency, int Seed, int ExperimentArmSize = 0);

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
    TimeSpan Elapsed,
    string? Experiment,
    string? SampleCoachId = null);

/// <summary>
/// Builds the demo city through the gateway in four steps: neighbourhoods, coaches, people, and assignments of people
/// to coaches; then the trust experiment (<see cref="DemoExperiment"/>): sign-ups, the draw, a few withdrawals and
/// synthetic outcomes. Each step runs with at most <see cref="SeedSettings.Concurrency"/> calls in flight. A call that
/// fails is counted and the run goes on; one that stays unavailable after its retries stops the run, as the platform
/// is gone.
/// </summary>
internal sealed class Seeder(GrpcChannel channel, SeedSettings settings, TextWriter progress, CoachCalls? asCoach = null)
{
    private readonly PartnerWork _partnerWork = new(channel);
    private readonly NeighbourhoodService.NeighbourhoodServiceClient _neighbourhoods = new(channel);
    private readonly CoachService.CoachServiceClient _coaches = new(channel);
    private readonly ClientService.ClientServiceClient _clients = new(channel);
    private readonly ExperimentService.ExperimentServiceClient _experiments = new(channel);
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
        var (assignments, assignmentStep) = await StepAsync("assignments", unassigned.Count,
            i => $"assigning {unassigned[i].ClientId}",
            (i, token) => AssignAsync(unassigned[i], token),
            cancellationToken);

        var steps = new List<StepReport> { neighbourhoodStep, coachStep, clientStep, assignmentStep };
        var coachOf = registered.Where(r => r.Client.CoachId.Length > 0).ToDictionary(r => r.Client.ClientId, r => r.Client.CoachId);
        foreach (var assignment in assignments)
        {
            coachOf[assignment.ClientId] = assignment.CoachId;
        }

        await SeedCaseWorkAsync(city, [.. registered.Select(r => r.Client)], coachOf, steps, cancellationToken);
        string? experiment = null;
        if (settings.ExperimentArmSize > 0)
        {
            var demo = new DemoExperiment(settings.Seed, settings.ExperimentArmSize, DateOnly.FromDateTime(DateTime.Now));
            experiment = await SeedExperimentAsync(demo, [.. registered.Select(r => r.Client.ClientId)], steps, cancellationToken);
        }

        return new SeedReport(
            steps,
            CaseloadPlaces: coaches.Sum(c => c.Coach.CaseloadLimit),
            AlreadyAssigned: registered.Count - unassigned.Count,
            WithoutCoach: _withoutCoach,
            _failures,
            clock.Elapsed,
            experiment,
            coaches.Select(c => c.Coach.CoachId).Order(StringComparer.Ordinal).FirstOrDefault());
    }

    /// <summary>
    /// Defines the experiment (or takes the one an earlier seed defined), signs people up and draws — unless it was
    /// drawn before —, lets a few withdraw, and records this month's synthetic outcomes (again replacing the same).
    /// </summary>
    private async Task<string> SeedExperimentAsync(DemoExperiment demo, List<string> clients, List<StepReport> steps, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Experiment experiment;
        try
        {
            experiment = (await Retry.CallAsync(o => _experiments.CreateExperimentAsync(new CreateExperimentRequest { Design = demo.Design() }, o), cancellationToken)).Experiment;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.AlreadyExists)
        {
            // An earlier seed (in an earlier month) defined it: go on with it as it was defined then.
            experiment = await GetExperimentAsync(cancellationToken);
        }

        steps.Add(new StepReport("experiment", 1, 1, clock.Elapsed));
        var candidates = clients.Take(demo.SignUps).ToList();
        if (experiment.Draw is null)
        {
            var (_, signUps) = await StepAsync("sign-ups", candidates.Count,
                i => $"signing up {candidates[i]}",
                (i, token) => Retry.CallAsync(o => _experiments.SignUpAsync(demo.SignUp(candidates[i]), o), token),
                cancellationToken);
            steps.Add(signUps);
            clock.Restart();
            try
            {
                await Retry.CallAsync(o => _experiments.DrawAsync(new DrawRequest { ExperimentId = DemoExperiment.Id, Seed = (ulong)settings.Seed }, o), cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
            {
                // ALREADY_DRAWN: an attempt that timed out was drawn after all.
            }

            experiment = await GetExperimentAsync(cancellationToken);
            steps.Add(new StepReport("draw", 1, 1, clock.Elapsed));
        }

        var (places, placeStep) = await StepAsync("places", candidates.Count,
            i => $"reading the place of {candidates[i]}",
            async (i, token) => new Place(i, (await Retry.CallAsync(o => _experiments.GetAssignmentAsync(new GetAssignmentRequest { ExperimentId = DemoExperiment.Id, ClientId = candidates[i] }, o), token)).Assignment),
            cancellationToken);
        steps.Add(placeStep);
        var assigned = places.Where(p => p.Assignment.Status == ParticipationStatus.Assigned).OrderBy(p => p.Index).ToList();

        var leaving = assigned.Where(p => !p.Assignment.Withdrawn && demo.Withdraws(p.Index)).ToList();
        var (withdrawn, withdrawalStep) = await StepAsync("withdrawals", leaving.Count,
            i => $"withdrawing {leaving[i].Assignment.ClientId}",
            async (i, token) => new Place(leaving[i].Index, (await Retry.CallAsync(o => _experiments.WithdrawAsync(new WithdrawRequest { ExperimentId = DemoExperiment.Id, ClientId = leaving[i].Assignment.ClientId }, o), token)).Assignment),
            cancellationToken);
        steps.Add(withdrawalStep);
        var now = withdrawn.ToDictionary(w => w.Index, w => w.Assignment);

        var batches = assigned.Select(p => demo.Outcome(p.Index, now.GetValueOrDefault(p.Index, p.Assignment))).Chunk(OutcomeBatch).ToList();
        var (_, outcomeStep) = await StepAsync("outcome batches", batches.Count,
            i => $"recording outcome batch {i}",
            (i, token) => Retry.CallAsync(o => _experiments.RecordOutcomesAsync(new RecordOutcomesRequest { ExperimentId = DemoExperiment.Id, Outcomes = { batches[i] } }, o), token),
            cancellationToken);
        steps.Add(outcomeStep);

        var draw = experiment.Draw;
        return $"experiment {DemoExperiment.Id}: {experiment.SignedUp} signed up, drawn on {draw?.DrawDate} ({draw?.Algorithm}, seed {draw?.Seed}) "
            + $"into {string.Join(", ", experiment.Arms.Select(a => $"{a.Arm} {a.Assigned}"))}; {assigned.Count} synthetic outcomes — "
            + $"`participatie experiments results {DemoExperiment.Id}`";
    }

    private const int OutcomeBatch = 500;

    private sealed record CoachAssignment(string ClientId, string CoachId);

    private sealed record CreatedActivity(string NeighbourhoodId, int Number, string ActivityId);

    private sealed record Enrolment(int Index, EnrolInActivityResponse Reply);

    /// <summary>A signed-up person's place, with their index among the sign-ups (which picks their synthetic data).</summary>
    private sealed record Place(int Index, Assignment Assignment);

    private async Task<Experiment> GetExperimentAsync(CancellationToken cancellationToken) =>
        (await Retry.CallAsync(o => _experiments.GetExperimentAsync(new GetExperimentRequest { ExperimentId = DemoExperiment.Id }, o), cancellationToken)).Experiment;

    /// <summary>
    /// Partners and their activities, people taking part with hours, and first contacts in the journal (written as each
    /// person's coach, which needs coach tokens: only with the development key, see <c>SeedCommand</c>).
    /// </summary>
    private async Task SeedCaseWorkAsync(DemoCity city, List<Client> clients, Dictionary<string, string> coachOf, List<StepReport> steps, CancellationToken cancellationToken)
    {
        var wijken = city.Neighbourhoods;
        var (_, partnerStep) = await StepAsync("partners", wijken.Count,
            i => $"registering {DemoCaseWork.PartnerId(wijken[i])}",
            async (i, token) => await _partnerWork.RegisterAsync(DemoCaseWork.Partner(wijken[i]), token),
            cancellationToken);
        steps.Add(partnerStep);

        var offers = wijken.SelectMany((w, i) => Enumerable.Range(0, DemoCaseWork.ActivitiesPerNeighbourhood).Select(n => (Wijk: w, Index: i, Number: n))).ToList();
        var (activities, activityStep) = await StepAsync("activities", offers.Count,
            i => $"creating activity {offers[i].Number} of {offers[i].Wijk.Id}",
            async (i, token) => new CreatedActivity(offers[i].Wijk.Id, offers[i].Number, await _partnerWork.OfferAsync(DemoCaseWork.Activity(offers[i].Wijk, offers[i].Index, offers[i].Number), token)),
            cancellationToken);
        steps.Add(activityStep);
        var activityOf = activities.ToDictionary(a => (a.NeighbourhoodId, a.Number), a => a.ActivityId);

        var taking = clients.Select((c, i) => (Client: c, Index: i))
            .Where(p => DemoCaseWork.TakesPart(p.Index) && activityOf.ContainsKey((p.Client.NeighbourhoodId, DemoCaseWork.ActivityOf(p.Index))))
            .ToList();
        var (enrolments, enrolmentStep) = await StepAsync("enrolments", taking.Count,
            i => $"enrolling {taking[i].Client.ClientId}",
            async (i, token) => new Enrolment(taking[i].Index, await _partnerWork.EnrolAsync(
                taking[i].Client.ClientId, activityOf[(taking[i].Client.NeighbourhoodId, DemoCaseWork.ActivityOf(taking[i].Index))], token)),
            cancellationToken);
        steps.Add(enrolmentStep);

        var work = new DemoCaseWork(settings.Seed, DateOnly.FromDateTime(DateTime.Now));
        var hours = enrolments
            .Where(e => e.Reply.Status == ParticipantStatus.Enrolled)
            .SelectMany(e => work.Hours(e.Index).Select(h => PartnerWork.Hours(e.Reply.ActivityId, e.Reply.ParticipantRef, h.Day, h.Hours)))
            .ToList();
        var (_, hourStep) = await StepAsync("hours", hours.Count,
            i => $"recording hours of {hours[i].ParticipantRef}",
            async (i, token) => await _partnerWork.RecordHoursAsync(hours[i], token),
            cancellationToken);
        steps.Add(hourStep);

        if (asCoach is null)
        {
            return;
        }

        var contacts = clients.Select((c, i) => (Coach: coachOf.GetValueOrDefault(c.ClientId), Entry: work.FirstContact(i, c.ClientId)))
            .Where(c => c.Coach is not null && c.Entry is not null)
            .ToList();
        var records = new RecordService.RecordServiceClient(asCoach.Channel);
        var (_, journalStep) = await StepAsync("journal entries", contacts.Count,
            i => $"a first contact with {contacts[i].Entry!.ClientId}",
            (i, token) => Retry.CallAsync(o => records.AddJournalEntryAsync(contacts[i].Entry!, o.WithHeaders(asCoach.Headers(contacts[i].Coach!))), token),
            cancellationToken);
        steps.Add(journalStep);

        // Reporting the same outflow again changes nothing, so a repeated seed adds none.
        var outflows = clients.Select((c, i) => (Coach: coachOf.GetValueOrDefault(c.ClientId), Report: work.Outflow(i, c.ClientId)))
            .Where(c => c.Coach is not null && c.Report is not null)
            .ToList();
        var (_, outflowStep) = await StepAsync("outflow to work", outflows.Count,
            i => $"outflow of {outflows[i].Report!.ClientId}",
            (i, token) => Retry.CallAsync(o => records.ReportOutflowAsync(outflows[i].Report!, o.WithHeaders(asCoach.Headers(outflows[i].Coach!))), token),
            cancellationToken);
        steps.Add(outflowStep);
    }

    /// <summary>Assigns a person to a coach with room, preferably one of their neighbourhood; null when all are full.</summary>
    private async Task<CoachAssignment?> AssignAsync(Client client, CancellationToken cancellationToken)
    {
        while (_pool.Take(client.NeighbourhoodId) is { } coachId)
        {
            try
            {
                var request = new AssignClientRequest { CoachId = coachId, ClientId = client.ClientId };
                await Retry.CallAsync(o => _coaches.AssignClientAsync(request, o), cancellationToken);
                return new CoachAssignment(client.ClientId, coachId);
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
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await BatchProgress.RunAsync(progress, name, count, bar => Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
        {
            try
            {
                results[i] = await call(i, token);
            }
            catch (RpcException exception) when (exception.StatusCode is not (StatusCode.Unavailable or StatusCode.Cancelled))
            {
                _failures.Add(describe(i), exception);
            }

            bar.Increment(1);
        }));

        var succeeded = results.OfType<T>().ToList();
        return (succeeded, new StepReport(name, count, succeeded.Count, clock.Elapsed));
    }
}
