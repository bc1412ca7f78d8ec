using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Seeding;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>
/// The records the load is aimed at: every neighbourhood, the persons and coaches the run prepared, and — when the mix
/// records hours and a participant has a place — the partner whose participants they are.
/// </summary>
internal sealed record LoadTargets(IReadOnlyList<string> NeighbourhoodIds, IReadOnlyList<string> ClientIds, IReadOnlyList<string> CoachIds, LoadPartner? Partner)
{
    public const int DefaultCaseloadSize = 100;

    /// <summary>The platform's highest caseload limit (Caseload:MaximumLimit unless configured lower).</summary>
    public const int MaxCaseloadSize = DemoCity.MaxCaseloadLimit;

    /// <summary>The generator seed of the prepared persons: fixed, so a repeated run sends identical requests.</summary>
    private const int PrepareSeed = 7070;
    private const int PageSize = 1000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Lists the neighbourhoods, then creates <see cref="LoadSettings.Prepare"/> synthetic persons spread over them and
    /// one coach per <see cref="LoadSettings.CaseloadSize"/> persons, with that caseload limit, and assigns the persons
    /// round-robin; when the mix has <see cref="LoadOperations.Hours"/>, also the partner and its participants
    /// (<see cref="LoadPartner.PrepareAsync"/>). Every create carries a fixed request_id, so repeating the preparation
    /// returns the same records. Null when there are no neighbourhoods.
    /// </summary>
    public static async Task<LoadTargets?> PrepareAsync(GrpcChannel channel, LoadSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var neighbourhoodIds = await ListNeighbourhoodIdsAsync(new NeighbourhoodService.NeighbourhoodServiceClient(channel), cancellationToken);
        if (neighbourhoodIds.Count == 0)
        {
            return null;
        }

        var coachClient = new CoachService.CoachServiceClient(channel);
        var clientClient = new ClientService.ClientServiceClient(channel);
        var city = new DemoCity(PrepareSeed, neighbourhoodIds.Count, DateOnly.FromDateTime(DateTime.Now));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(settings.Concurrency, 32), CancellationToken = cancellationToken };
        var (persons, caseloadSize) = (settings.Prepare, settings.CaseloadSize);
        var preparation = Preparation(caseloadSize);

        var coachCount = (persons + caseloadSize - 1) / caseloadSize;
        var coaches = new Coach[coachCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, coachCount), parallel, async (i, token) =>
        {
            var request = city.Coach(i, caseloadSize);
            request.RequestId = $"{preparation}-coach-{i}";
            request.NeighbourhoodId = neighbourhoodIds[i % neighbourhoodIds.Count];
            coaches[i] = (await Retry.CallAsync(o => coachClient.CreateCoachAsync(request, o), token)).Coach;
        });

        var clients = new Client[persons];
        await Parallel.ForEachAsync(Enumerable.Range(0, persons), parallel, async (i, token) =>
        {
            var request = SyntheticPerson(city, i, $"{preparation}-{i}", neighbourhoodIds[i % neighbourhoodIds.Count]);
            clients[i] = (await Retry.CallAsync(o => clientClient.RegisterClientAsync(request, o), token)).Client;
        });

        // A person who has a coach from an earlier preparation keeps them.
        await Parallel.ForEachAsync(Enumerable.Range(0, persons).Where(i => clients[i].CoachId.Length == 0), parallel, async (i, token) =>
        {
            var request = new AssignClientRequest { CoachId = coaches[i % coachCount].CoachId, ClientId = clients[i].ClientId };
            try
            {
                await Retry.CallAsync(o => coachClient.AssignClientAsync(request, o), token);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
            {
                // The caseload is full: the person is still a target, just without a coach.
            }
        });

        progress.WriteLine($"Prepared {persons} persons and {coachCount} coaches with caseloads of up to {caseloadSize} over {neighbourhoodIds.Count} neighbourhoods");
        var partner = settings.Mix.Includes(LoadOperations.Hours)
            ? await LoadPartner.PrepareAsync(channel, preparation, clients, parallel, progress, cancellationToken)
            : null;
        return new LoadTargets(neighbourhoodIds, [.. clients.Select(c => c.ClientId)], [.. coaches.Select(c => c.CoachId)], partner);
    }

    /// <summary>
    /// The prefix of the preparation's request ids. Coaches hold their caseload limit for good, and a person keeps the
    /// coach of the first preparation that assigned them, so every caseload size has persons and coaches of its own;
    /// the default keeps the ids it had before sizes could be chosen, so platforms prepared then are used as they are.
    /// </summary>
    private static string Preparation(int caseloadSize) =>
        caseloadSize == DefaultCaseloadSize ? "load-prep" : $"load-prep-caseload-{caseloadSize}";

    /// <summary>
    /// A synthetic person from the seed's generator, placed in <paramref name="neighbourhoodId"/>, one of the
    /// neighbourhoods the platform knows.
    /// </summary>
    public static RegisterClientRequest SyntheticPerson(DemoCity city, int index, string requestId, string neighbourhoodId)
    {
        var request = city.Client(index);
        request.RequestId = requestId;
        request.NeighbourhoodId = neighbourhoodId;
        return request;
    }

    private static async Task<List<string>> ListNeighbourhoodIdsAsync(NeighbourhoodService.NeighbourhoodServiceClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var request = new ListNeighbourhoodsRequest { PageSize = PageSize };
        do
        {
            var page = await client.ListNeighbourhoodsAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            ids.AddRange(page.Neighbourhoods.Select(n => n.NeighbourhoodId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return ids;
    }
}
