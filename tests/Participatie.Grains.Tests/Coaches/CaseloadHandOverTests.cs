using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Domain;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Coaches;

/// <summary>
/// The hand-over of a caseload as a job (moves 8 people at a time, a resume reminder every 2 s here): its plan is
/// stored before anyone moves, and a hand-over broken off half-way is finished by its reminder.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseloadHandOverTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(25);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AHandOverBrokenOffMidwayIsFinishedByItsReminderWithoutAnyCallAndNobodyEndsInTwoCaseloads()
    {
        var (leaving, small, large) = (await CoachAsync(20), await CoachAsync(3), await CoachAsync(20));
        var people = await AssignedAsync(leaving, 10);
        var handOver = _grains.GetGrain<ICaseloadHandOverGrain>(leaving);
        var fired = ClusterFixture.Faults.Fired(FaultPoint.HandOverAfterMove);
        HandOverView done;
        ClusterFixture.Faults.Arm(FaultPoint.HandOverAfterMove);
        try
        {
            var plan = await handOver.PlanAsync([small, large]);
            await handOver.StartAsync(plan.Number);

            // The first 8 people moved and the job broke off before it stored that. Nobody calls the job again: the wait
            // only listens for its completion, so only the reminder can finish it.
            done = await handOver.WaitUntilCompletedAsync(plan.Number, Wait);
            Assert.Equal(people.Order(), plan.ClientIds.Order());
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        Assert.Equal(fired + 1, ClusterFixture.Faults.Fired(FaultPoint.HandOverAfterMove));
        Assert.Equal((HandOverStatus.Completed, 0), (done.Status, done.Remaining));
        Assert.Equal([(small, 3), (large, 7)], done.Transfers.Select(t => (t.CoachId, t.ClientIds.Count)));
        Assert.Equal(people.Order(), done.Transfers.SelectMany(t => t.ClientIds).Order());
        await AssertInOneCaseloadEachAsync(people, done, leaving);
    }

    [Fact]
    public async Task AskingAgainWhileAHandOverIsUnderWayJoinsItAndOtherColleaguesAreRefused()
    {
        var (leaving, first, second) = (await CoachAsync(20), await CoachAsync(20), await CoachAsync(20));
        var people = await AssignedAsync(leaving, 3);
        var handOver = _grains.GetGrain<ICaseloadHandOverGrain>(leaving);
        HandOverPlan plan, joined;
        PreconditionFailedException refused;
        ClusterFixture.Faults.Arm(FaultPoint.HandOverAfterMove, times: int.MaxValue);
        try
        {
            plan = await handOver.PlanAsync([first]);
            await handOver.StartAsync(plan.Number);
            var stuck = await handOver.WaitUntilCompletedAsync(plan.Number, TimeSpan.Zero);
            Assert.Equal(HandOverStatus.Running, stuck.Status);

            joined = await handOver.PlanAsync([first]);
            refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => handOver.PlanAsync([second]));
        }
        finally
        {
            ClusterFixture.Faults.DisarmAll();
        }

        var done = await handOver.WaitUntilCompletedAsync(plan.Number, Wait);
        Assert.Equal(plan.Number, joined.Number);
        Assert.Equal(plan.ClientIds, joined.ClientIds);
        Assert.Equal(Reasons.HandOverUnderWay, refused.Reason);
        Assert.Equal(HandOverStatus.Completed, done.Status);
        Assert.Equal(people.Order(), Assert.Single(done.Transfers).ClientIds.Order());
        Assert.Equal(0, (await _grains.GetGrain<ICoachGrain>(second).GetAsync()).CaseloadSize);

        // Done, the same caseload can be handed over again: there is nobody left to move.
        var again = await handOver.PlanAsync([second]);
        await handOver.StartAsync(again.Number);
        var empty = await handOver.WaitUntilCompletedAsync(again.Number, Wait);
        Assert.Equal((plan.Number + 1, 0, 0), (again.Number, again.ClientIds.Count, empty.Transfers.Sum(t => t.ClientIds.Count)));
        Assert.Equal(3, (await handOver.WaitUntilCompletedAsync(plan.Number, TimeSpan.Zero)).Transfers.Single().ClientIds.Count);
    }

    [Fact]
    public async Task AHandOverWithoutRoomForEveryoneStoresNoPlanAndMovesNobody()
    {
        var (leaving, full) = (await CoachAsync(20), await CoachAsync(2));
        var people = await AssignedAsync(leaving, 3);
        var handOver = _grains.GetGrain<ICaseloadHandOverGrain>(leaving);

        var noRoom = await Assert.ThrowsAsync<PreconditionFailedException>(() => handOver.PlanAsync([full]));
        await Assert.ThrowsAsync<NotFoundException>(() => handOver.PlanAsync([Ids.NewCoachId()]));

        Assert.Equal(Reasons.CaseloadFull, noRoom.Reason);
        Assert.Equal(people.Order(), (await _grains.GetGrain<ICoachGrain>(leaving).GetCaseloadAsync(null, 100)).Entries.Select(e => e.ClientId).Order());
        await Assert.ThrowsAsync<PreconditionFailedException>(() => handOver.StartAsync(1));
    }

    /// <summary>Every person's record names the colleague the hand-over reports, and exactly one caseload holds them.</summary>
    private async Task AssertInOneCaseloadEachAsync(List<string> people, HandOverView done, string leaving)
    {
        var caseloads = new Dictionary<string, List<string>>();
        foreach (var coach in done.Transfers.Select(t => t.CoachId).Append(leaving))
        {
            var entries = (await _grains.GetGrain<ICoachGrain>(coach).GetCaseloadAsync(null, 100)).Entries;
            Assert.All(entries, e => Assert.False(e.Pending));
            caseloads[coach] = [.. entries.Select(e => e.ClientId)];
        }

        foreach (var person in people)
        {
            var coach = (await _grains.GetGrain<IClientGrain>(person).GetAsync()).CoachId;
            Assert.Equal(done.Transfers.Single(t => t.ClientIds.Contains(person)).CoachId, coach);
            Assert.Equal([coach], caseloads.Where(c => c.Value.Contains(person)).Select(c => c.Key));
        }
    }

    private Task<string> CoachAsync(int limit) => CoachesFixture.NewCoachAsync(_grains, limit);

    private async Task<List<string>> AssignedAsync(string coach, int count)
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var people = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Ids.NewClientId();
            await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk));
            await _grains.GetGrain<IClientCaseGrain>(id).AssignCoachAsync(coach);
            people.Add(id);
        }

        return people;
    }
}
