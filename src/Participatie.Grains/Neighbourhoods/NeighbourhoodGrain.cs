using Microsoft.Extensions.Options;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.People;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Platform;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>
/// A neighbourhood, its live figures and its regime trials. The figures are derived from each resident's newest
/// contribution ("set if newer"), never from bare increments, so a repeated or late delivery cannot make them drift.
/// The same contributions make the list of residents a payment run walks.
/// </summary>
public sealed partial class NeighbourhoodGrain(
    [PersistentState(StorageNames.Neighbourhood, StorageNames.Provider)] IPersistentState<NeighbourhoodState> record,
    IOptions<BenefitTable> benefits,
    IOptions<Domain.Participation.ParticipationPolicy> participation,
    IOptions<DateBounds> dates,
    Search.IClientDirectoryStore directory,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<NeighbourhoodGrain> logger) : Grain, INeighbourhoodGrain, IRemindable
{
    private const int MaxNameLength = 100;
    private const int MaxTrialNameLength = 60;

    private Figures? _figures;
    private string[]? _residents;
    private BatchedWrites<NeighbourhoodState>? _writes;
    private PlatformReport? _platformReport;

    /// <summary>The counts as last stored (null while the neighbourhood is undefined): all the platform's status hears.</summary>
    private NeighbourhoodFigures? _storedFigures;
    private Outbox? _outbox;

    private NeighbourhoodState State => record.State;

    /// <summary>Writes stored since activation: the version of the live notices this activation sends.</summary>
    private long _writesStored;

    /// <summary>
    /// Every change of the state goes through here: contributions arrive interleaved and are stored in batches, and
    /// each stored batch sends one live notice to the screens that watch the figures (not one per contribution).
    /// </summary>
    private BatchedWrites<NeighbourhoodState> Writes => _writes ??= new(record, this, () =>
    {
        _storedFigures = StoredFigures();
        LiveNotices.Publish(this, LiveStreams.NeighbourhoodFigures, NeighbourhoodId, ++_writesStored, logger);
    });

    private string NeighbourhoodId => this.GetPrimaryKeyString();

    /// <summary>The platform's status must hear of every change of the counts.</summary>
    private PlatformReport PlatformReport => _platformReport ??= new(() => _storedFigures?.Version);

    private Outbox Outbox => _outbox ??= new(new GrainOutboxHost(this), outboxOptions.Value, logger,
    [
        OutboxChannel.Of(PlatformReport, TellPlatformAsync),
    ]);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storedFigures = StoredFigures();

        // Once per activation (in a turn of its own), so that a change stored just before a crash reaches the status.
        Outbox.ResumeAfterActivation();
        return Task.CompletedTask;
    }

    public async Task<NeighbourhoodView> CreateAsync(CreateNeighbourhoodCommand command)
    {
        var violations = new Violations();
        violations.Id(nameof(NeighbourhoodId), NeighbourhoodId, IdKind.Neighbourhood);
        var name = violations.Line(nameof(command.Name), command.Name, MaxNameLength);
        var municipality = violations.Line(nameof(command.Municipality), command.Municipality, MaxNameLength);
        violations.ThrowIfAny();

        if (State.Created)
        {
            return State.Name == name && State.Municipality == municipality
                ? View()
                : throw new AlreadyExistsException("neighbourhood", NeighbourhoodId, $"neighbourhood {NeighbourhoodId} exists already as \"{State.Name}\"");
        }

        await Writes.ApplyAsync(() =>
        {
            State.Created = true;
            State.Name = name!;
            State.Municipality = municipality!;
            State.CreatedAt = time.GetUtcNow();
            return true;
        });
        await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).AddNeighbourhoodAsync(NeighbourhoodId);
        await Outbox.DeliverAsync();
        return View();
    }

    public Task<NeighbourhoodView> GetAsync()
    {
        EnsureCreated();
        return Task.FromResult(View());
    }

    public Task<bool> ExistsAsync() => Task.FromResult(State.Created);

    public Task<NeighbourhoodFigures?> GetFiguresAsync() => Task.FromResult(_storedFigures);

    public async Task ApplyAsync(ResidentContribution contribution)
    {
        await Writes.ApplyAsync(() =>
        {
            if (State.Residents.TryGetValue(contribution.ClientId, out var existing) && existing.Version >= contribution.Version)
            {
                return false;
            }

            State.Residents[contribution.ClientId] = Record(contribution);
            State.FiguresVersion++;
            _figures = null;
            _residents = null;
            return true;
        });
        await Outbox.DeliverAsync();
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    private async Task TellPlatformAsync(string platform)
    {
        var figures = _storedFigures!;
        await GrainFactory.GetGrain<IPlatformStatusGrain>(platform).ReportNeighbourhoodAsync(figures);
        PlatformReport.Heard(figures.Version);
    }

    /// <summary>Called when the state is as stored: after activation and after each write.</summary>
    private NeighbourhoodFigures? StoredFigures()
    {
        if (!State.Created)
        {
            return null;
        }

        var f = _figures ??= Figures.Of(State.Residents.Values);
        return new NeighbourhoodFigures(NeighbourhoodId, State.FiguresVersion, f.Residents, f.WithCoach, f.WithinCut, f.BeyondCut, f.NotAssessed);
    }

    public Task<IReadOnlyList<string>> ListResidentsAsync(string? after, int pageSize)
    {
        _residents ??= [.. State.Residents.Where(r => r.Value.Resident).Select(r => r.Key).Order(StringComparer.Ordinal)];
        var start = 0;
        if (after is not null)
        {
            // The first id after the given one, whether or not that one is still a resident.
            var found = Array.BinarySearch(_residents, after, StringComparer.Ordinal);
            start = found >= 0 ? found + 1 : ~found;
        }

        return Task.FromResult<IReadOnlyList<string>>(_residents[start..Math.Min(_residents.Length, start + pageSize)]);
    }

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw new NotFoundException("neighbourhood", NeighbourhoodId);
        }
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
