using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Platform;
using Participatie.Domain.Experiments;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class ExperimentListTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task APageOfExperimentsIsTheDirectorysPageReadFromEachExperimentAndSaysWhereTheNextStarts()
    {
        string[] titles = ["Vertrouwen werkt", "Extra begeleiding", "Vrijlating bijverdiensten"];
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            var id = TestExperiments.NewId();
            await _grains.GetGrain<IExperimentGrain>(id).CreateAsync(
                TestExperiments.Design(arms: TestExperiments.Arm("extra-hulp", ArmKind.ExtraGuidance, TestExperiments.ExtraGuidance)) with { Title = title });
            created[id] = title;
        }

        var all = await _grains.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListExperimentsAsync(null, int.MaxValue);
        var list = _grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any);

        var whole = await list.ListExperimentsAsync(null, all.Count);
        var one = await list.ListExperimentsAsync(all[^3], 1);
        var lastTwo = await list.ListExperimentsAsync(all[^3], 2);
        var beyond = await list.ListExperimentsAsync(all[^1], 5);

        Assert.Equal(all, whole.Experiments.Select(e => e.ExperimentId));
        Assert.Equal(created, whole.Experiments.Where(e => created.ContainsKey(e.ExperimentId)).ToDictionary(e => e.ExperimentId, e => e.Title));
        Assert.Null(whole.ContinueAfter);
        Assert.Equal([all[^2]], one.Experiments.Select(e => e.ExperimentId));
        Assert.Equal(all[^2], one.ContinueAfter); // a full page: the next starts after its last
        Assert.Equal([all[^2], all[^1]], lastTwo.Experiments.Select(e => e.ExperimentId));
        Assert.Null(lastTwo.ContinueAfter); // full, but nothing follows
        Assert.Empty(beyond.Experiments);
        Assert.Null(beyond.ContinueAfter);
    }
}
