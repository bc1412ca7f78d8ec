using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>
/// Live screens in a cluster of silo processes: a grain lives on one silo, and the notices of its changes reach
/// watches whose gateway runs on every silo — the others included — through the Orleans stream, whose subscriptions
/// are stored in PostgreSQL; and watches through a gateway-role host, an Orleans client outside the silos.
/// </summary>
public sealed class LiveStreamTests
{
    /// <summary>Generous for a busy machine; still a fraction of the watches' catch-up read (minutes).</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task AnInboxItemAndAFigureChangeReachWatchesOnEverySiloAndGatewayWhereverTheGrainLives()
    {
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("live"), silos: 3);
        await using var gateway = await SiloProcess.StartAsync("gateway", cluster.Settings(role: "Gateway"));
        var admin = cluster.Silos[0].Channel;
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-live", Name = "Tarwewijk", Municipality = "Rotterdam" });
        var coachId = (await new CoachService.CoachServiceClient(admin).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 10 })).Coach.CoachId;

        // The coach's grain and the neighbourhood's grain each live on one of the three silos: with a watch through
        // every silo's gateway, at least two watches of each are served by a silo the grain does not live on.
        var inboxes = new List<AsyncServerStreamingCall<InboxItem>>();
        var figures = new List<AsyncServerStreamingCall<WatchNeighbourhoodResponse>>();
        try
        {
            var hosts = cluster.Silos.Append(gateway).ToList();
            foreach (var silo in hosts)
            {
                var inbox = new CoachService.CoachServiceClient(TestKeys.Channel(silo.Address, TestKeys.Token("coach", coachId))).WatchInbox(new WatchInboxRequest { CoachId = coachId });
                await inbox.ResponseHeadersAsync; // open and subscribed
                inboxes.Add(inbox);
                var team = TestKeys.Channel(silo.Address, TestKeys.Token("team", "tm-live", "wk-live"));
                var watch = new NeighbourhoodService.NeighbourhoodServiceClient(team).WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = "wk-live" });
                Assert.Equal(0, (await NextAsync(watch.ResponseStream)).Neighbourhood.Residents);
                figures.Add(watch);
            }

            // Registered through the second silo, assigned through the third.
            var person = (await new ClientService.ClientServiceClient(cluster.Silos[1].Channel).RegisterClientAsync(SampleRequests.Intake("wk-live"))).Client.ClientId;
            await new CoachService.CoachServiceClient(cluster.Silos[2].Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = person });

            for (var i = 0; i < hosts.Count; i++)
            {
                var item = await NextAsync(inboxes[i].ResponseStream);
                Assert.True((InboxItemKind.Assigned, person) == (item.Kind, item.ClientId), $"the watch through {hosts[i].Name} got {item}");

                Neighbourhood seen;
                do
                {
                    seen = (await NextAsync(figures[i].ResponseStream)).Neighbourhood;
                }
                while (seen.Residents < 1 || seen.WithCoach < 1);
                Assert.Equal((1, 1), (seen.Residents, seen.WithCoach));
            }
        }
        finally
        {
            inboxes.ForEach(c => c.Dispose());
            figures.ForEach(c => c.Dispose());
        }
    }

    private static async Task<T> NextAsync<T>(IAsyncStreamReader<T> stream)
    {
        using var timeout = new CancellationTokenSource(Within);
        Assert.True(await stream.MoveNext(timeout.Token), "the watch ended");
        return stream.Current;
    }
}
