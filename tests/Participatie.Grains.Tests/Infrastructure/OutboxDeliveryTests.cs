using Orleans.Core.Internal;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Infrastructure;

/// <summary>
/// The outbox in the cluster, through a person's record and its three receivers (coach, neighbourhood, client
/// directory). The directory's log of what it took lets a test await the delivery itself.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxDeliveryTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AChangeStoredBeforeTheActivationEndedIsDeliveredAfterReactivation()
    {
        var (_, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var fired = ClusterFixture.Faults.Fired(FaultPoint.BeforeDelivery);
        ClusterFixture.Faults.Arm(FaultPoint.BeforeDelivery);
        try
        {
            await Assert.ThrowsAsync<InjectedFaultException>(() => _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach));
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        // Stored (version 2, with its receivers), not delivered: the directory still has the registration only.
        Assert.Equal(fired + 1, ClusterFixture.Faults.Fired(FaultPoint.BeforeDelivery));
        Assert.Equal([1L], ClusterFixture.Directory.Received(client));

        // The activation ends as a silo's crash would end it; the next call activates the record again.
        await _grains.GetGrain<IClientGrain>(client).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(coach, (await _grains.GetGrain<IClientGrain>(client).GetAsync()).CoachId);

        await ClusterFixture.Directory.WhenReceivedAsync(client, versions => versions.Contains(2)).WaitAsync(Deadline);
        Assert.Equal(coach, (await ClusterFixture.Directory.FindAsync(client))!.CoachId);
    }

    [Fact]
    public async Task ADeliveryRepeatedAfterReactivationIsAbsorbedByEveryReceiver()
    {
        var (wijk, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach);
        var caseload = await CaseloadAsync(coach);
        var figures = await FiguresAsync(wijk);

        // The stored record still lists its receivers (delivered ones leave the list with the next write), so a new
        // activation tells all three of version 2 again; the directory hears last, after coach and neighbourhood.
        await _grains.GetGrain<IClientGrain>(client).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await _grains.GetGrain<IClientGrain>(client).GetAsync();
        await ClusterFixture.Directory.WhenReceivedAsync(client, versions => versions.Count == 3).WaitAsync(Deadline);

        Assert.Equal([1L, 2L, 2L], ClusterFixture.Directory.Received(client));
        Assert.Equal(2, (await ClusterFixture.Directory.FindAsync(client))!.Version);
        Assert.Equal((1, $"{client}:confirmed"), caseload);
        Assert.Equal(caseload, await CaseloadAsync(coach));
        Assert.Equal(figures, await FiguresAsync(wijk));
    }

    [Fact]
    public async Task AReceiverThatFailsHoldsUpNoOtherAndIsRetriedUntilItTakesTheNewestVersion()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var client = Ids.NewClientId();
        ClusterFixture.Directory.FailFor(client, times: int.MaxValue);
        var record = _grains.GetGrain<IClientGrain>(client);

        // Three changes while the directory refuses: the neighbourhood hears of each as it is stored.
        await record.RegisterAsync(TestModels.Intake(wijk));
        Assert.Equal((1, 0), ((await FiguresAsync(wijk)).Residents, (await FiguresAsync(wijk)).BeyondCut));
        await record.AssessAsync(TestModels.FarFromWork(), "co-test");
        Assert.Equal(1, (await FiguresAsync(wijk)).BeyondCut);
        await record.AssessAsync(TestModels.NearWork(), "co-test");
        Assert.Equal(0, (await FiguresAsync(wijk)).BeyondCut);
        Assert.Empty(ClusterFixture.Directory.Received(client));

        // The directory is back: a retry brings it the newest version, and no older one ever arrives after it.
        ClusterFixture.Directory.FailFor(client, times: 0);
        await ClusterFixture.Directory.WhenReceivedAsync(client, versions => versions.Count > 0).WaitAsync(Deadline);
        Assert.Equal([3L], ClusterFixture.Directory.Received(client));
        Assert.Equal(client, (await ClusterFixture.Directory.FindAsync(client))!.ClientId);
    }

    private async Task<(string Neighbourhood, string Client)> NewClientAsync()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var id = Ids.NewClientId();
        await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk));
        return (wijk, id);
    }

    private async Task<(int Size, string Entries)> CaseloadAsync(string coach)
    {
        var page = await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(null, 10);
        return (page.Coach.CaseloadSize, string.Join(", ", page.Entries.Select(e => $"{e.ClientId}:{(e.Pending ? "reserved" : "confirmed")}")));
    }

    private async Task<(int Residents, int WithinCut, int BeyondCut, int NotAssessed, int WithCoach)> FiguresAsync(string wijk)
    {
        var view = await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync();
        return (view.Residents, view.WithinCut, view.BeyondCut, view.NotAssessed, view.WithCoach);
    }
}
