using Microsoft.Extensions.Options;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Platform;
using Participatie.Grains.Regimes;

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
        violations.Id("neighbourhood_id", NeighbourhoodId, IdKind.Neighbourhood);
        var name = violations.Line("name", command.Name, MaxNameLength);
        var municipality = violations.Line("municipality", command.Municipality, MaxNameLength);
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


    public async Task<NeighbourhoodView> StartTrialAsync(StartTrialCommand command)
    {
        var violations = new Violations();
        var name = violations.Text("name", command.Name, MaxTrialNameLength);
        if (name is not null && !ExperimentRules.IsSlug(name))
        {
            violations.Add("name", "must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit");
        }

        var settings = command.Settings.ToDomain();
        RegimeRules.ValidateSettingsFrom(violations, RegimeSource.NeighbourhoodTrial, settings, "settings");
        if (settings.IsEmpty)
        {
            violations.Add("settings", "must set at least one setting");
        }

        var from = dates.Value.Day(violations, "from", violations.Date("from", command.From), Today.In(time));
        var until = dates.Value.Day(violations, "until", violations.Date("until", command.Until, required: false), Today.In(time));
        if (from is not null && until < from)
        {
            violations.Add("until", "must not be before from");
        }

        var startedBy = violations.Text("started_by", command.StartedBy, MaxNameLength);
        violations.ThrowIfAny();
        EnsureCreated();

        if (State.Trials.Find(t => t.Name == name) is { } existing)
        {
            return existing.From == from && existing.Until == until && existing.Settings.ToDomain() == settings
                ? View()
                : throw new AlreadyExistsException("trial", name!, $"neighbourhood {NeighbourhoodId} has a trial named {name} already, with other settings or dates");
        }

        if (State.Trials.Find(t => Overlap(t.From, t.Until, from!.Value, until)) is { } clash)
        {
            throw new PreconditionFailedException(
                Reasons.TrialOverlaps,
                $"trial {name} would overlap trial {clash.Name} ({Period(clash.From, clash.Until)}): a neighbourhood has one trial at a time, or the precedence between them would not be defined");
        }

        if (benefits.Value.MissingFor(settings, from!.Value) is { Count: > 0 } missing)
        {
            throw new PreconditionFailedException(
                Reasons.FigureNotConfigured,
                $"the trial needs figures the benefit table does not have on {from:yyyy-MM-dd}: {string.Join(", ", missing)} (Benefits:Entries)");
        }

        var trial = new TrialRecord
        {
            Name = name!,
            Settings = RegimeSettingsRecord.Of(settings),
            From = from.Value,
            Until = until,
            StartedBy = startedBy!,
            StartedAt = time.GetUtcNow(),
        };
        await Writes.ApplyAsync(() =>
        {
            State.Trials.Add(trial);
            State.Trials.Sort((a, b) => a.From.CompareTo(b.From));
            return true;
        });
        return View();
    }

    public async Task<NeighbourhoodView> EndTrialAsync(string name, string lastDay)
    {
        var violations = new Violations();
        violations.Text("name", name, MaxTrialNameLength);
        var last = dates.Value.Day(violations, "last_day", violations.Date("last_day", lastDay), Today.In(time));
        violations.ThrowIfAny();
        EnsureCreated();

        var trial = State.Trials.Find(t => t.Name == name) ?? throw new NotFoundException("trial", name);
        if (last < trial.From || last > trial.Until)
        {
            throw InvalidInputException.For("last_day", $"must lie within the trial's period ({Period(trial.From, trial.Until)})");
        }

        await Writes.ApplyAsync(() =>
        {
            var changed = trial.Until != last;
            trial.Until = last;
            return changed;
        });

        return View();
    }

    public Task<IReadOnlyList<TrialView>> GetTrialsAsync() => Task.FromResult(Trials());

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

    private static bool Overlap(DateOnly from1, DateOnly? until1, DateOnly from2, DateOnly? until2) =>
        (until1 is null || from2 <= until1) && (until2 is null || from1 <= until2);

    private static string Period(DateOnly from, DateOnly? until) => $"{from:yyyy-MM-dd} to {(until is null ? "open end" : until.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}";

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw new NotFoundException("neighbourhood", NeighbourhoodId);
        }
    }

    private IReadOnlyList<TrialView> Trials() =>
        [.. State.Trials.Select(t => new TrialView(t.Name, t.Settings.ToData(), t.From, t.Until, t.StartedBy, t.StartedAt))];

    private NeighbourhoodView View()
    {
        var f = _figures ??= Figures.Of(State.Residents.Values);
        return new NeighbourhoodView(NeighbourhoodId, State.Name, State.Municipality, f.Residents, f.NotAssessed, f.WithinCut, f.BeyondCut, f.WithCoach, State.CreatedAt, Trials(), Activity());
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
