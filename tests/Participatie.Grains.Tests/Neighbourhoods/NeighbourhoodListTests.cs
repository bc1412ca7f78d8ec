using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Neighbourhoods;

[Collection(ClusterCollection.Name)]
public sealed class NeighbourhoodListTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task APageOfNeighbourhoodsIsTheDirectorysPageReadFromEachNeighbourhoodAndSaysWhereTheNextStarts()
    {
        string[] names = ["Bloemhof", "Hillesluis", "Katendrecht"];
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var id = "wk-list-" + Guid.NewGuid().ToString("N")[..12];
            await _grains.GetGrain<INeighbourhoodGrain>(id).CreateAsync(new CreateNeighbourhoodCommand(name, "Rotterdam"));
            created[id] = name;
        }

        var all = await _grains.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).ListNeighbourhoodsAsync(null, int.MaxValue);
        var list = _grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any);

        var whole = await list.ListNeighbourhoodsAsync(null, all.Count);
        var one = await list.ListNeighbourhoodsAsync(all[^3], 1);
        var lastTwo = await list.ListNeighbourhoodsAsync(all[^3], 2);
        var beyond = await list.ListNeighbourhoodsAsync(all[^1], 5);

        Assert.Equal(all, whole.Neighbourhoods.Select(n => n.NeighbourhoodId));
        Assert.Equal(created, whole.Neighbourhoods.Where(n => created.ContainsKey(n.NeighbourhoodId)).ToDictionary(n => n.NeighbourhoodId, n => n.Name));
        Assert.Null(whole.ContinueAfter);
        Assert.Equal([all[^2]], one.Neighbourhoods.Select(n => n.NeighbourhoodId));
        Assert.Equal(all[^2], one.ContinueAfter); // a full page: the next starts after its last
        Assert.Equal([all[^2], all[^1]], lastTwo.Neighbourhoods.Select(n => n.NeighbourhoodId));
        Assert.Null(lastTwo.ContinueAfter); // full, but nothing follows
        Assert.Empty(beyond.Neighbourhoods);
        Assert.Null(beyond.ContinueAfter);
    }
}
