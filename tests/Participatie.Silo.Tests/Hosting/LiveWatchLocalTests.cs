using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>
/// Live screens in the Local profile (SQLite state, stream subscriptions in memory): watches get changes through the
/// Orleans stream, and after a restart — every subscription gone with the process — a watch that reconnects from the
/// last sequence it saw gets what came after, from the coach's stored inbox.
/// </summary>
public sealed class LiveWatchLocalTests : IDisposable
{
    /// <summary>Generous for a busy machine; still a fraction of the watches' catch-up read (minutes).</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-live-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WatchesGetChangesThroughTheStreamAndAReconnectAfterARestartResumesFromState()
    {
        string coachId, wijk = "wk-live-local";
        long seen;
        await using (var silo = await SiloHost.StartAsync("Local", _data))
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(silo.Channel).CreateNeighbourhoodAsync(
                new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Pendrecht", Municipality = "Rotterdam" });
            coachId = (await new CoachService.CoachServiceClient(silo.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 10 })).Coach.CoachId;
            using var inbox = new CoachService.CoachServiceClient(silo.ChannelAs("coach", coachId)).WatchInbox(new WatchInboxRequest { CoachId = coachId });
            await inbox.ResponseHeadersAsync;
            using var figures = new NeighbourhoodService.NeighbourhoodServiceClient(silo.ChannelAs("team", "tm-pendrecht", wijk)).WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk });
            Assert.Equal(0, (await NextAsync(figures.ResponseStream)).Neighbourhood.Residents);

            var person = await AssignedAsync(silo, wijk, coachId);
            var item = await NextAsync(inbox.ResponseStream);
            Neighbourhood now;
            do
            {
                now = (await NextAsync(figures.ResponseStream)).Neighbourhood;
            }
            while (now.Residents < 1);

            Assert.Equal((InboxItemKind.Assigned, person), (item.Kind, item.ClientId));
            seen = item.Sequence;
        }

        await using (var silo = await SiloHost.StartAsync("Local", _data))
        {
            var person = await AssignedAsync(silo, wijk, coachId);
            using var inbox = new CoachService.CoachServiceClient(silo.ChannelAs("coach", coachId)).WatchInbox(new WatchInboxRequest { CoachId = coachId, AfterSequence = seen });
            var item = await NextAsync(inbox.ResponseStream);
            Assert.Equal((InboxItemKind.Assigned, person, seen + 1), (item.Kind, item.ClientId, item.Sequence));
        }
    }

    private static async Task<string> AssignedAsync(SiloHost silo, string wijk, string coachId)
    {
        var person = (await new ClientService.ClientServiceClient(silo.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
        await new CoachService.CoachServiceClient(silo.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = person });
        return person;
    }

    private static async Task<T> NextAsync<T>(IAsyncStreamReader<T> stream)
    {
        using var timeout = new CancellationTokenSource(Within);
        Assert.True(await stream.MoveNext(timeout.Token), "the watch ended");
        return stream.Current;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
