using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.People;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// A neighbourhood and its live figures. The figures are derived from each resident's newest contribution
/// ("set if newer"), never from bare increments, so a repeated or late delivery cannot make them drift.
/// </summary>
public sealed class NeighbourhoodGrain(
    [PersistentState(StorageNames.Neighbourhood, StorageNames.Provider)] IPersistentState<NeighbourhoodState> record,
    TimeProvider time) : Grain, INeighbourhoodGrain
{
    private Figures? _figures;

    private NeighbourhoodState State => record.State;

    private string NeighbourhoodId => this.GetPrimaryKeyString();

    public async Task<NeighbourhoodView> CreateAsync(CreateNeighbourhoodCommand command)
    {
        var violations = new Violations();
        violations.Id("neighbourhood_id", NeighbourhoodId, IdKind.Neighbourhood);
        var name = violations.Text("name", command.Name, 100);
        var municipality = violations.Text("municipality", command.Municipality, 100);
        violations.ThrowIfAny();

        if (State.Created)
        {
            return State.Name == name && State.Municipality == municipality
                ? View()
                : throw new AlreadyExistsException("neighbourhood", NeighbourhoodId, $"neighbourhood {NeighbourhoodId} exists already as \"{State.Name}\"");
        }

        State.Created = true;
        State.Name = name!;
        State.Municipality = municipality!;
        State.CreatedAt = time.GetUtcNow();
        await record.WriteStateAsync();
        await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).AddNeighbourhoodAsync(NeighbourhoodId);
        return View();
    }

    public Task<NeighbourhoodView> GetAsync()
    {
        if (!State.Created)
        {
            throw new NotFoundException("neighbourhood", NeighbourhoodId);
        }

        return Task.FromResult(View());
    }

    public Task<bool> ExistsAsync() => Task.FromResult(State.Created);

    public async Task ApplyAsync(ResidentContribution contribution)
    {
        if (State.Residents.TryGetValue(contribution.ClientId, out var existing) && existing.Version >= contribution.Version)
        {
            return;
        }

        State.Residents[contribution.ClientId] = new ResidentRecord
        {
            Version = contribution.Version,
            Resident = contribution.Resident,
            Segment = contribution.Segment,
            HasCoach = contribution.HasCoach,
        };
        _figures = null;
        await record.WriteStateAsync();
    }

    private NeighbourhoodView View()
    {
        var f = _figures ??= Figures.Of(State.Residents.Values);
        return new NeighbourhoodView(NeighbourhoodId, State.Name, State.Municipality, f.Residents, f.NotAssessed, f.WithinCut, f.BeyondCut, f.WithCoach, State.CreatedAt);
    }

    /// <summary>The counts, computed from the contributions (never kept as separate counters).</summary>
    private sealed record Figures(int Residents, int NotAssessed, int WithinCut, int BeyondCut, int WithCoach)
    {
        public static Figures Of(IEnumerable<ResidentRecord> records)
        {
            int residents = 0, notAssessed = 0, within = 0, beyond = 0, withCoach = 0;
            foreach (var r in records.Where(r => r.Resident))
            {
                residents++;
                withCoach += r.HasCoach ? 1 : 0;
                switch (r.Segment)
                {
                    case Segment.WithinCut: within++; break;
                    case Segment.BeyondCut: beyond++; break;
                    default: notAssessed++; break;
                }
            }

            return new Figures(residents, notAssessed, within, beyond, withCoach);
        }
    }
}
