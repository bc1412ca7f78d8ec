using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Domain.People;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Platform;

/// <summary>
/// The platform's status is a projection the neighbourhoods and coaches keep up to date through their outboxes; other
/// tests of this cluster change it too, so these compare what it counts before and after their own changes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlatformStatusTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IPlatformStatusGrain Status => _grains.GetGrain<IPlatformStatusGrain>(DirectoryKeys.Platform);

    [Fact]
    public async Task ChangesOfNeighbourhoodsAndCaseloadsReachTheStatusOnceTheyAreStored()
    {
        var before = await Status.GetAsync();

        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        await neighbourhood.ApplyAsync(new ResidentContribution("cl-platform00000001", 1, true, Segment.WithinCut, HasCoach: true));
        await neighbourhood.ApplyAsync(new ResidentContribution("cl-platform00000002", 1, true, Segment.BeyondCut, HasCoach: false));
        await neighbourhood.ApplyAsync(new ResidentContribution("cl-platform00000002", 2, true, Segment.NotAssessed, HasCoach: false));
        var coachId = await CoachesFixture.NewCoachAsync(_grains, limit: 7);
        await _grains.GetGrain<ICoachGrain>(coachId).ApplyAsync(
            new CaseloadContribution("cl-platform00000001", 1, InCaseload: true, new CaseloadSummary("Sanne", wijk, Segment.WithinCut)));

        var after = await Status.GetAsync();
        Assert.Equal(before.Neighbourhoods + 1, after.Neighbourhoods);
        Assert.Equal(before.Clients + 2, after.Clients);
        Assert.Equal(before.ClientsWithCoach + 1, after.ClientsWithCoach);
        Assert.Equal(before.ClientsWithinCut + 1, after.ClientsWithinCut);
        Assert.Equal(before.ClientsBeyondCut, after.ClientsBeyondCut);
        Assert.Equal(before.ClientsNotAssessed + 1, after.ClientsNotAssessed);
        Assert.Equal(before.Coaches + 1, after.Coaches);
        Assert.Equal(before.CaseloadCapacity + 7, after.CaseloadCapacity);
        Assert.Equal(before.CaseloadUsed + 1, after.CaseloadUsed);
    }

    [Fact]
    public async Task AfterEveryActivationIsCollectedTheRebuiltStatusEqualsTheLiveOne()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        await _grains.GetGrain<INeighbourhoodGrain>(wijk).ApplyAsync(new ResidentContribution("cl-platform00000003", 1, true, Segment.WithinCut, HasCoach: false));
        var live = await Status.GetAsync();

        // The status, the neighbourhoods and the coaches all start again from storage: the status asks them once.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var rebuilt = await Status.GetAsync();

        Assert.Equal(live, rebuilt);
        Assert.True(rebuilt.Clients >= 1);
    }

    [Fact]
    public async Task AChangeAfterTheStatusWasRebuiltStillReachesIt()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var before = await Status.GetAsync();

        await neighbourhood.ApplyAsync(new ResidentContribution("cl-platform00000004", 1, true, Segment.BeyondCut, HasCoach: false));

        var after = await Status.GetAsync();
        Assert.Equal(before.Clients + 1, after.Clients);
        Assert.Equal(before.ClientsBeyondCut + 1, after.ClientsBeyondCut);
    }
}
