using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.Gateway.Services;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>
/// WatchNeighbourhood through a real channel: the figures at once, then each change as it happens. The watch reads
/// the neighbourhood again only when a stream notice arrives (or after the catch-up interval of minutes), so a change
/// that arrives well within that interval came through the stream, not by asking again.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class NeighbourhoodWatchTests(GatewayFixture gateway)
{
    /// <summary>Far longer than a notice takes, far shorter than the catch-up read.</summary>
    private static readonly TimeSpan Prompt = LiveSubscription.CatchUp / 5;

    [Fact]
    public async Task ATeamMemberWatchingTheirNeighbourhoodSeesEachNewResidentArriveWithoutAskingAgain()
    {
        var wijk = await gateway.NewNeighbourhoodAsync();
        var member = "tm-" + Guid.NewGuid().ToString("N")[..12];
        var team = new NeighbourhoodService.NeighbourhoodServiceClient(gateway.Host.ChannelAs("team", member, neighbourhood: wijk));
        using var watch = team.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk });

        var first = await NextAsync(watch);
        var one = await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk));
        var afterOne = await UntilAsync(watch, n => n.Residents == 1);
        await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk, 52));
        var afterTwo = await UntilAsync(watch, n => n.Residents == 2);

        Assert.Equal((wijk, "Afrikaanderwijk", 0), (first.NeighbourhoodId, first.Name, first.Residents));
        Assert.Equal(1, afterOne.NotAssessed + afterOne.WithinCut + afterOne.BeyondCut);
        Assert.Equal(2, afterTwo.NotAssessed + afterTwo.WithinCut + afterTwo.BeyondCut);
        Assert.Equal((await gateway.Neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = wijk })).Neighbourhood, afterTwo);

        // Counts of a whole neighbourhood are no one's data: watching them leaves no trace in the audit log.
        var audited = await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ActorId = member });
        Assert.Empty(audited.Entries);
        Assert.NotEmpty((await gateway.Admin.QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = one.Client.ClientId })).Entries);
    }

    [Fact]
    public async Task AWatcherThatReconnectsStartsFromTheFiguresAsTheyAreNow()
    {
        var (wijk, _) = await gateway.PeopleAsync(3);
        var coachId = (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 10 })).Coach.CoachId;
        var coach = new NeighbourhoodService.NeighbourhoodServiceClient(gateway.Host.ChannelAs("coach", coachId));
        using (var watch = coach.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk }))
        {
            await UntilAsync(watch, n => n.Residents == 3);
        }

        // Changes while the coach does not watch are not queued for them: their next watch reads them from the
        // neighbourhood. Another watcher (the admin) shows when the change arrived.
        Neighbourhood now;
        using (var admin = gateway.Neighbourhoods.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk }))
        {
            await UntilAsync(admin, n => n.Residents == 3);
            await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(wijk));
            now = await UntilAsync(admin, n => n.Residents == 4);
        }

        using var again = coach.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk });
        Assert.Equal(now, await NextAsync(again));
    }

    [Fact]
    public async Task BadOrUnknownNeighbourhoodsAreRefusedBeforeTheWatchOpens()
    {
        using var malformed = gateway.Neighbourhoods.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = "wk-<script>" });
        await RpcAssert.InvalidAsync(() => NextAsync(malformed), "neighbourhood_id");

        using var empty = gateway.Neighbourhoods.WatchNeighbourhood(new WatchNeighbourhoodRequest());
        await RpcAssert.InvalidAsync(() => NextAsync(empty), "neighbourhood_id");

        using var unknown = gateway.Neighbourhoods.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = "wk-nowhere-" + Guid.NewGuid().ToString("N")[..8] });
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => NextAsync(unknown));

        var wijk = await gateway.NewNeighbourhoodAsync();
        var other = new NeighbourhoodService.NeighbourhoodServiceClient(gateway.Host.ChannelAs("team", "tm-elsewhere", neighbourhood: await gateway.NewNeighbourhoodAsync()));
        using var foreign = other.WatchNeighbourhood(new WatchNeighbourhoodRequest { NeighbourhoodId = wijk });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => NextAsync(foreign));
    }

    /// <summary>Reads messages until one satisfies <paramref name="done"/>; each message must differ from the one before.</summary>
    private static async Task<Neighbourhood> UntilAsync(AsyncServerStreamingCall<WatchNeighbourhoodResponse> call, Func<Neighbourhood, bool> done)
    {
        Neighbourhood? previous = null;
        while (true)
        {
            var next = await NextAsync(call);
            Assert.NotEqual(previous, next);
            if (done(next))
            {
                return next;
            }

            previous = next;
        }
    }

    private static async Task<Neighbourhood> NextAsync(AsyncServerStreamingCall<WatchNeighbourhoodResponse> call)
    {
        using var timeout = new CancellationTokenSource(Prompt);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the watch ended");
        return call.ResponseStream.Current.Neighbourhood;
    }
}
