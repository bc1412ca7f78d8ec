using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Coaches;

[Collection(ClusterCollection.Name)]
public sealed class CaseloadTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AssigningPutsThePersonInTheCaseloadAndTheNeighbourhoodCountsThemAsCoached()
    {
        var (wijk, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains);

        var previous = await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach);

        Assert.Null(previous);
        await AssertAgreeAsync(client, coach);
        var entry = Assert.Single((await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(null, 10)).Entries);
        Assert.Equal("Fatima de Vries", entry.Summary!.DisplayName);
        Assert.False(entry.Pending);
        Assert.Equal(1, (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).WithCoach);
    }

    [Fact]
    public async Task ReassigningMovesThePersonFromOneCaseloadToTheOther()
    {
        var (_, client) = await NewClientAsync();
        var first = await CoachesFixture.NewCoachAsync(_grains);
        var second = await CoachesFixture.NewCoachAsync(_grains);
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(first);

        var previous = await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(second);

        Assert.Equal(first, previous);
        await AssertAgreeAsync(client, second);
        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(first).GetAsync()).CaseloadSize);
    }

    [Fact]
    public async Task AssigningBeyondTheCaseloadLimitFailsWithCaseloadFullAndChangesNothing()
    {
        var coach = await CoachesFixture.NewCoachAsync(_grains, limit: 1);
        var (_, inCaseload) = await NewClientAsync();
        var (wijk, refused) = await NewClientAsync();
        await _grains.GetGrain<IClientCaseGrain>(inCaseload).AssignCoachAsync(coach);

        var full = await Assert.ThrowsAsync<PreconditionFailedException>(() => _grains.GetGrain<IClientCaseGrain>(refused).AssignCoachAsync(coach));

        Assert.Equal(Reasons.CaseloadFull, full.Reason);
        Assert.Null((await _grains.GetGrain<IClientGrain>(refused).GetAsync()).CoachId);
        Assert.Equal(1, (await _grains.GetGrain<ICoachGrain>(coach).GetAsync()).CaseloadSize);
        Assert.Equal(0, (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).WithCoach);
    }

    [Fact]
    public async Task ReleasingEmptiesThePlaceAndOnlyTheOwnCoachCanRelease()
    {
        var (_, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var other = await CoachesFixture.NewCoachAsync(_grains);
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach);

        var notTheirs = await Assert.ThrowsAsync<PreconditionFailedException>(() => _grains.GetGrain<IClientCaseGrain>(client).ReleaseCoachAsync(other));
        await _grains.GetGrain<IClientCaseGrain>(client).ReleaseCoachAsync(coach);

        Assert.Equal(Reasons.NotInCaseload, notTheirs.Reason);
        Assert.Null((await _grains.GetGrain<IClientGrain>(client).GetAsync()).CoachId);
        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(coach).GetAsync()).CaseloadSize);
    }

    [Fact]
    public async Task AnAssignmentThatFailsAfterTheReservationIsUndoneWhenTheCoachReconciles()
    {
        var (_, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains, limit: 1);
        ClusterFixture.Faults.Arm(FaultPoint.AssignAfterReserve);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach));
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        // Half-way: the place is held, but the person's record never committed.
        Assert.True(Assert.Single((await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(null, 10)).Entries).Pending);
        Assert.Null((await _grains.GetGrain<IClientGrain>(client).GetAsync()).CoachId);

        var result = await _grains.GetGrain<ICoachGrain>(coach).ReconcileAsync(includeConfirmed: false);

        Assert.Equal(1, result.Removed);
        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(coach).GetAsync()).CaseloadSize);
        // The freed place can be taken again.
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach);
        await AssertAgreeAsync(client, coach);
    }

    [Fact]
    public async Task AReassignmentThatFailsBeforeTheCoachesHeardOfItEndsConsistentAfterReconciliation()
    {
        var (_, client) = await NewClientAsync();
        var first = await CoachesFixture.NewCoachAsync(_grains);
        var second = await CoachesFixture.NewCoachAsync(_grains);
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(first);
        ClusterFixture.Faults.Arm(FaultPoint.BeforeDelivery);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(second));
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        // Half-way: the record says "second", the first coach still lists the person, the second only reserved.
        Assert.Equal(second, (await _grains.GetGrain<IClientGrain>(client).GetAsync()).CoachId);
        Assert.Equal(1, (await _grains.GetGrain<ICoachGrain>(first).GetAsync()).CaseloadSize);

        await _grains.GetGrain<ICoachGrain>(second).ReconcileAsync(includeConfirmed: false);
        await _grains.GetGrain<ICoachGrain>(first).ReconcileAsync(includeConfirmed: true);

        await AssertAgreeAsync(client, second);
        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(first).GetAsync()).CaseloadSize);
    }

    [Fact]
    public async Task ALateOrRepeatedContributionDoesNotUndoANewerOne()
    {
        var (_, client) = await NewClientAsync();
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var grain = _grains.GetGrain<IClientCaseGrain>(client);
        await grain.AssignCoachAsync(coach);
        var assigned = await grain.GetCoachAssignmentAsync();
        await grain.ReleaseCoachAsync(coach);

        // The "in your caseload" message of the assignment arrives again, late.
        await _grains.GetGrain<ICoachGrain>(coach).ApplyAsync(new CaseloadContribution(client, assigned.Version, true, assigned.Summary));

        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(coach).GetAsync()).CaseloadSize);
    }

    [Fact]
    public async Task ConcurrentAssignmentsToTheLastPlaceLetExactlyOneIn()
    {
        var coach = await CoachesFixture.NewCoachAsync(_grains, limit: 1);
        var clients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add((await NewClientAsync()).Client);
        }

        var outcomes = await Task.WhenAll(clients.Select(async c =>
        {
            try
            {
                await _grains.GetGrain<IClientCaseGrain>(c).AssignCoachAsync(coach);
                return true;
            }
            catch (PreconditionFailedException e) when (e.Reason == Reasons.CaseloadFull)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o));
        var admitted = clients[Array.IndexOf(outcomes, true)];
        await AssertAgreeAsync(admitted, coach);
    }

    [Fact]
    public async Task CaseloadPagesFollowEachOtherWithoutGapsOrRepeats()
    {
        var coach = await CoachesFixture.NewCoachAsync(_grains, limit: 5);
        var clients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (_, client) = await NewClientAsync();
            await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(coach);
            clients.Add(client);
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(after, 2);
            Assert.True(page.Entries.Count <= 2);
            seen.AddRange(page.Entries.Select(e => e.ClientId));
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.Equal(clients.Order(StringComparer.Ordinal), seen);
    }

    private async Task<(string Neighbourhood, string Client)> NewClientAsync()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var id = Ids.NewClientId();
        await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk));
        return (wijk, id);
    }

    private async Task AssertAgreeAsync(string client, string coach)
    {
        Assert.Equal(coach, (await _grains.GetGrain<IClientGrain>(client).GetAsync()).CoachId);
        var caseload = await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(null, 1000);
        var entry = Assert.Single(caseload.Entries, e => e.ClientId == client);
        Assert.False(entry.Pending);
    }
}
