using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Contracts.V1;

namespace Participatie.TestSupport;

/// <summary>
/// A small city seeded through the gateway — a neighbourhood, coaches, people each assigned to a coach — and what a
/// test reads back after the platform was moved (restored from a backup, started on another store): every person
/// with their coach, every coach with the size of their caseload, the neighbourhood, and the audit record of each
/// registration.
/// </summary>
public sealed record SeededPlatform(string NeighbourhoodId, IReadOnlyDictionary<string, string> CoachOf, IReadOnlyList<string> Coaches)
{
    public const string RegisterAction = "ClientService.RegisterClient";

    public static async Task<SeededPlatform> SeedAsync(GrpcChannel channel, string neighbourhoodId, int coaches, int people)
    {
        await new NeighbourhoodService.NeighbourhoodServiceClient(channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhoodId, Name = "Hillesluis", Municipality = "Rotterdam" });
        var coachClient = new CoachService.CoachServiceClient(channel);
        var coachIds = new List<string>();
        for (var i = 0; i < coaches; i++)
        {
            coachIds.Add((await coachClient.CreateCoachAsync(new CreateCoachRequest { DisplayName = $"Coach {i + 1}", CaseloadLimit = people })).Coach.CoachId);
        }

        var coachOf = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            var clientId = (await new ClientService.ClientServiceClient(channel).RegisterClientAsync(SampleRequests.Intake(neighbourhoodId), cancellationToken: cancellationToken)).Client.ClientId;
            var coachId = coachIds[i % coachIds.Count];
            await coachClient.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId }, cancellationToken: cancellationToken);
            coachOf[clientId] = coachId;
        });
        return new SeededPlatform(neighbourhoodId, coachOf, coachIds);
    }

    /// <summary>What is not as seeded: people missing or with another coach, coaches missing or with another caseload.</summary>
    public async Task<List<string>> DifferencesAsync(GrpcChannel channel)
    {
        var differences = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(CoachOf, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, cancellationToken) =>
        {
            try
            {
                var client = (await new ClientService.ClientServiceClient(channel).GetClientAsync(new GetClientRequest { ClientId = person.Key }, cancellationToken: cancellationToken)).Client;
                if (client.CoachId != person.Value || client.NeighbourhoodId != NeighbourhoodId)
                {
                    differences.Add($"{person.Key}: coach {client.CoachId} in {client.NeighbourhoodId}, expected {person.Value} in {NeighbourhoodId}");
                }
            }
            catch (RpcException failure)
            {
                differences.Add($"{person.Key}: {failure.StatusCode} {failure.Status.Detail}");
            }
        });

        foreach (var coachId in Coaches)
        {
            var expected = CoachOf.Values.Count(c => c == coachId);
            try
            {
                var coach = (await new CoachService.CoachServiceClient(channel).GetCoachAsync(new GetCoachRequest { CoachId = coachId })).Coach;
                if (coach.CaseloadSize != expected)
                {
                    differences.Add($"{coachId}: caseload {coach.CaseloadSize}, expected {expected}");
                }
            }
            catch (RpcException failure)
            {
                differences.Add($"{coachId}: {failure.StatusCode} {failure.Status.Detail}");
            }
        }

        try
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(channel).GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId });
        }
        catch (RpcException failure)
        {
            differences.Add($"{NeighbourhoodId}: {failure.StatusCode} {failure.Status.Detail}");
        }

        return [.. differences];
    }

    /// <summary>The people (of <paramref name="clientIds"/>) whose registration has no audit record with outcome OK.</summary>
    public static async Task<List<string>> UnauditedRegistrationsAsync(GrpcChannel channel, IEnumerable<string> clientIds)
    {
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(clientIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (clientId, cancellationToken) =>
        {
            var admin = new AdminService.AdminServiceClient(channel);
            var request = new QueryAuditLogRequest { ClientId = clientId, PageSize = 100 };
            while (true)
            {
                var page = await admin.QueryAuditLogAsync(request, cancellationToken: cancellationToken);
                if (page.Entries.Any(e => e.Action == RegisterAction && e.Outcome == "OK"))
                {
                    return;
                }

                if (page.NextPageToken.Length == 0)
                {
                    missing.Add(clientId);
                    return;
                }

                request.PageToken = page.NextPageToken;
            }
        });
        return [.. missing];
    }

    /// <summary>Whether a person exists on the platform behind <paramref name="channel"/> (NOT_FOUND: no).</summary>
    public static async Task<bool> ExistsAsync(GrpcChannel channel, string clientId)
    {
        try
        {
            await new ClientService.ClientServiceClient(channel).GetClientAsync(new GetClientRequest { ClientId = clientId });
            return true;
        }
        catch (RpcException failure) when (failure.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
