using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Coaches;

[Collection(ClusterCollection.Name)]
public sealed class CoachListTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task APageOfCoachesIsTheDirectorysPageReadFromEachCoachAndSaysWhereTheNextStarts()
    {
        var busy = await CoachesFixture.NewCoachAsync(_grains, limit: 7);
        await CoachesFixture.NewCoachAsync(_grains);
        await CoachesFixture.NewCoachAsync(_grains);
        var client = Ids.NewClientId();
        await _grains.GetGrain<IClientGrain>(client).RegisterAsync(TestModels.Intake(await TestModels.NewNeighbourhoodAsync(_grains)));
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(busy);

        var all = await _grains.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListCoachesAsync();
        var list = _grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any);

        var whole = await list.ListCoachesAsync(null, all.Count);
        var one = await list.ListCoachesAsync(all[^3], 1);
        var lastTwo = await list.ListCoachesAsync(all[^3], 2);
        var beyond = await list.ListCoachesAsync(all[^1], 5);

        Assert.Equal(all, whole.Coaches.Select(c => c.CoachId));
        var listed = Assert.Single(whole.Coaches, c => c.CoachId == busy);
        Assert.Equal((7, 1), (listed.CaseloadLimit, listed.CaseloadSize));
        Assert.Null(whole.ContinueAfter);
        Assert.Equal([all[^2]], one.Coaches.Select(c => c.CoachId));
        Assert.Equal(all[^2], one.ContinueAfter); // a full page: the next starts after its last
        Assert.Equal([all[^2], all[^1]], lastTwo.Coaches.Select(c => c.CoachId));
        Assert.Null(lastTwo.ContinueAfter); // full, but nothing follows
        Assert.Empty(beyond.Coaches);
        Assert.Null(beyond.ContinueAfter);
    }
}
