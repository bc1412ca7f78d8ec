using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.Experiments;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Platform;

/// <summary>
/// The lists the gateway asks for in one call: a page of the directory's ids, each read from its grain as it is now,
/// and where the next page starts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectoryPagesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IDirectoryPagesGrain Pages => _grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any);

    private IDirectoryGrain Directory => _grains.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);

    [Fact]
    public async Task APageOfNeighbourhoodsShowsEachAsItIsAndSaysWhereTheNextStarts()
    {
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Bloemhof", "Hillesluis", "Katendrecht" })
        {
            var id = "wk-list-" + Guid.NewGuid().ToString("N")[..12];
            await _grains.GetGrain<INeighbourhoodGrain>(id).CreateAsync(new CreateNeighbourhoodCommand(name, "Rotterdam"));
            created[id] = name;
        }

        var all = await Directory.ListNeighbourhoodsAsync(null, int.MaxValue);
        var whole = await Pages.ListNeighbourhoodsAsync(null, all.Count);

        Assert.Equal(created, whole.Neighbourhoods.Where(n => created.ContainsKey(n.NeighbourhoodId)).ToDictionary(n => n.NeighbourhoodId, n => n.Name));
        await AssertPagedAsync(all, async (after, size) => (await Pages.ListNeighbourhoodsAsync(after, size)) is var page ? (page.Neighbourhoods.Select(n => n.NeighbourhoodId).ToList(), page.ContinueAfter) : default);
    }

    [Fact]
    public async Task APageOfExperimentsShowsEachAsItIsAndSaysWhereTheNextStarts()
    {
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var title in new[] { "Vertrouwen werkt", "Extra begeleiding", "Vrijlating bijverdiensten" })
        {
            var id = TestExperiments.NewId();
            await _grains.GetGrain<IExperimentGrain>(id).CreateAsync(
                TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance)) with { Title = title });
            created[id] = title;
        }

        var all = await Directory.ListExperimentsAsync(null, int.MaxValue);
        var whole = await Pages.ListExperimentsAsync(null, all.Count);

        Assert.Equal(created, whole.Experiments.Where(e => created.ContainsKey(e.ExperimentId)).ToDictionary(e => e.ExperimentId, e => e.Title));
        await AssertPagedAsync(all, async (after, size) => (await Pages.ListExperimentsAsync(after, size)) is var page ? (page.Experiments.Select(e => e.ExperimentId).ToList(), page.ContinueAfter) : default);
    }

    [Fact]
    public async Task APageOfCoachesShowsEachWithTheirCaseloadAndSaysWhereTheNextStarts()
    {
        var busy = await CoachesFixture.NewCoachAsync(_grains, limit: 7);
        await CoachesFixture.NewCoachAsync(_grains);
        await CoachesFixture.NewCoachAsync(_grains);
        var client = Ids.NewClientId();
        await _grains.GetGrain<IClientGrain>(client).RegisterAsync(TestModels.Intake(await TestModels.NewNeighbourhoodAsync(_grains)));
        await _grains.GetGrain<IClientCaseGrain>(client).AssignCoachAsync(busy);

        var all = await Directory.ListCoachesAsync();
        var whole = await Pages.ListCoachesAsync(null, all.Count);

        var listed = Assert.Single(whole.Coaches, c => c.CoachId == busy);
        Assert.Equal((7, 1), (listed.CaseloadLimit, listed.CaseloadSize));
        await AssertPagedAsync(all, async (after, size) => (await Pages.ListCoachesAsync(after, size)) is var page ? (page.Coaches.Select(c => c.CoachId).ToList(), page.ContinueAfter) : default);
    }

    /// <summary>The whole list in one page, one page of one, the last full page, and a page beyond the end.</summary>
    private static async Task AssertPagedAsync(IReadOnlyList<string> all, Func<string?, int, Task<(List<string> Ids, string? ContinueAfter)>> page)
    {
        Assert.True(all.Count >= 3);
        await AssertPageAsync(page(null, all.Count), all, null);
        await AssertPageAsync(page(all[^3], 1), [all[^2]], all[^2]); // a full page: the next starts after its last
        await AssertPageAsync(page(all[^3], 2), [all[^2], all[^1]], null); // full, but nothing follows
        await AssertPageAsync(page(all[^1], 5), [], null);
    }

    private static async Task AssertPageAsync(Task<(List<string> Ids, string? ContinueAfter)> read, IReadOnlyList<string> ids, string? continueAfter)
    {
        var page = await read;
        Assert.Equal(ids, page.Ids);
        Assert.Equal(continueAfter, page.ContinueAfter);
    }
}
