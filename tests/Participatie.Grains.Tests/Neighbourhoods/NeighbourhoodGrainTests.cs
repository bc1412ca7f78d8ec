using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain.People;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Neighbourhoods;

[Collection(ClusterCollection.Name)]
public sealed class NeighbourhoodGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task FiguresFollowTheNewestContributionPerResidentWhateverTheOrderOfDelivery()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var grain = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        var random = new Random(7);
        var latest = new Dictionary<string, ResidentContribution>();
        var deliveries = new List<ResidentContribution>();
        for (var person = 0; person < 20; person++)
        {
            for (var version = 1; version <= 4; version++)
            {
                var c = new ResidentContribution($"cl-person{person:D11}", version, random.Next(4) > 0, (Segment)random.Next(1, 4), random.Next(2) == 0);
                deliveries.Add(c);
                latest[c.ClientId] = c;
            }
        }

        // Shuffled, with every delivery made twice: duplicates and late arrivals must not make the figures drift.
        foreach (var c in deliveries.Concat(deliveries).OrderBy(_ => random.Next()))
        {
            await grain.ApplyAsync(c);
        }

        var figures = await grain.GetAsync();
        var residents = latest.Values.Where(c => c.Resident).ToList();
        Assert.Equal(residents.Count, figures.Residents);
        Assert.Equal(residents.Count(c => c.Segment == Segment.WithinCut), figures.WithinCut);
        Assert.Equal(residents.Count(c => c.Segment == Segment.BeyondCut), figures.BeyondCut);
        Assert.Equal(residents.Count(c => c.Segment == Segment.NotAssessed), figures.NotAssessed);
        Assert.Equal(residents.Count(c => c.HasCoach), figures.WithCoach);
    }

    [Fact]
    public async Task ContributionsDeliveredAllAtOnceAreAllStoredWhenTheyAreWrittenInBatches()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var grain = _grains.GetGrain<INeighbourhoodGrain>(wijk);
        var random = new Random(11);
        var deliveries = Enumerable.Range(0, 300)
            .SelectMany(person => Enumerable.Range(1, 3).Select(version =>
                new ResidentContribution($"cl-batch{person:D12}", version, version < 3 || person % 4 != 0, (Segment)random.Next(1, 4), version == 3)))
            .ToList();
        var latest = deliveries.GroupBy(c => c.ClientId).Select(g => g.MaxBy(c => c.Version)!).ToList();

        // Every delivery at once, shuffled and twice: they interleave, wait for the write under way, and are stored
        // together; after the activation is collected, the figures come from storage alone.
        var calls = deliveries.Concat(deliveries).OrderBy(_ => random.Next()).Select(grain.ApplyAsync).ToList();
        await Task.WhenAll(calls);

        var live = await grain.GetAsync();
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = await grain.GetAsync();

        var residents = latest.Where(c => c.Resident).ToList();
        foreach (var figures in new[] { live, stored })
        {
            Assert.Equal(residents.Count, figures.Residents);
            Assert.Equal(residents.Count(c => c.HasCoach), figures.WithCoach);
            Assert.Equal(residents.Count(c => c.Segment == Segment.NotAssessed), figures.NotAssessed);
        }

        Assert.Equal(residents.Select(c => c.ClientId).Order(StringComparer.Ordinal), await grain.ListResidentsAsync(null, 1000));
    }

    [Fact]
    public async Task AnUndefinedNeighbourhoodIsNotFoundAndRedefiningDifferentlyIsRefused()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<INeighbourhoodGrain>("wk-undefined-" + Guid.NewGuid().ToString("N")[..8]).GetAsync());
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);

        var same = await _grains.GetGrain<INeighbourhoodGrain>(wijk).CreateAsync(new CreateNeighbourhoodCommand("Testwijk", "Rotterdam"));

        Assert.Equal("Testwijk", same.Name);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => _grains.GetGrain<INeighbourhoodGrain>(wijk).CreateAsync(new CreateNeighbourhoodCommand("Other", "Rotterdam")));
    }
}
