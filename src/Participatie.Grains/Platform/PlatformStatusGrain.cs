using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Platform;

/// <summary>
/// The platform's figures, projected from what each neighbourhood and coach reports ("set if newer"); see
/// <see cref="IPlatformStatusGrain"/>. Held in memory, not stored: the first read of an activation rebuilds it by asking
/// the grains the directory lists once (hundreds), and reports that arrive meanwhile keep their newer versions. Storing
/// it would cost a write of this one grain per change of any neighbourhood.
/// </summary>
public sealed class PlatformStatusGrain : Grain, IPlatformStatusGrain
{
    private const int DirectoryPage = 1000;

    private readonly Dictionary<string, NeighbourhoodFigures> _neighbourhoods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CoachFigures> _coaches = new(StringComparer.Ordinal);
    private bool _rebuilt;

    public Task ReportNeighbourhoodAsync(NeighbourhoodFigures figures)
    {
        Keep(_neighbourhoods, figures.NeighbourhoodId, figures, f => f.Version);
        return Task.CompletedTask;
    }

    public Task ReportCoachAsync(CoachFigures figures)
    {
        Keep(_coaches, figures.CoachId, figures, f => f.Version);
        return Task.CompletedTask;
    }

    public async Task<PlatformFigures> GetAsync()
    {
        if (!_rebuilt)
        {
            await RebuildAsync();
            _rebuilt = true;
        }

        var neighbourhoods = _neighbourhoods.Values;
        var coaches = _coaches.Values;
        return new PlatformFigures(
            neighbourhoods.Count,
            coaches.Count,
            neighbourhoods.Sum(n => n.Residents),
            neighbourhoods.Sum(n => n.WithCoach),
            neighbourhoods.Sum(n => n.WithinCut),
            neighbourhoods.Sum(n => n.BeyondCut),
            neighbourhoods.Sum(n => n.NotAssessed),
            coaches.Sum(c => c.CaseloadLimit),
            coaches.Sum(c => c.CaseloadSize));
    }

    /// <summary>Asks every neighbourhood and coach the directory lists; the grains answer even while busy.</summary>
    private async Task RebuildAsync()
    {
        var directory = GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);
        var neighbourhoodIds = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await directory.ListNeighbourhoodsAsync(after, DirectoryPage);
            neighbourhoodIds.AddRange(page);
            if (page.Count < DirectoryPage)
            {
                break;
            }

            after = page[^1];
        }

        var neighbourhoods = await Task.WhenAll(neighbourhoodIds.Select(id => GrainFactory.GetGrain<INeighbourhoodGrain>(id).GetFiguresAsync()));
        var coaches = await Task.WhenAll((await directory.ListCoachesAsync()).Select(id => GrainFactory.GetGrain<ICoachGrain>(id).GetFiguresAsync()));
        foreach (var figures in neighbourhoods.OfType<NeighbourhoodFigures>())
        {
            await ReportNeighbourhoodAsync(figures);
        }

        foreach (var figures in coaches.OfType<CoachFigures>())
        {
            await ReportCoachAsync(figures);
        }
    }

    private static void Keep<T>(Dictionary<string, T> held, string id, T figures, Func<T, long> versionOf)
    {
        if (!held.TryGetValue(id, out var current) || versionOf(current) < versionOf(figures))
        {
            held[id] = figures;
        }
    }
}
