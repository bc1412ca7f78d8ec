using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain.Experiments;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>The neighbourhood's regime trials, one at a time: their settings apply to every resident within the trial's period.</summary>
public sealed partial class NeighbourhoodGrain
{
    public async Task<NeighbourhoodView> StartTrialAsync(StartTrialCommand command)
    {
        var violations = new Violations();
        var name = violations.Text(nameof(command.Name), command.Name, MaxTrialNameLength);
        if (name is not null && !ExperimentRules.IsSlug(name))
        {
            violations.Add(nameof(command.Name), "must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit");
        }

        var settings = command.Settings.ToDomain();
        RegimeRules.ValidateSettingsFrom(violations, RegimeSource.NeighbourhoodTrial, settings, nameof(command.Settings));
        if (settings.IsEmpty)
        {
            violations.Add(nameof(command.Settings), "must set at least one setting");
        }

        var from = dates.Value.Day(violations, nameof(command.From), violations.Date(nameof(command.From), command.From), Today.In(time));
        var until = dates.Value.Day(violations, nameof(command.Until), violations.Date(nameof(command.Until), command.Until, required: false), Today.In(time));
        if (from is not null && until < from)
        {
            violations.Add(nameof(command.Until), "must not be before from");
        }

        var startedBy = violations.Text(nameof(command.StartedBy), command.StartedBy, MaxNameLength);
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
        violations.Text(nameof(name), name, MaxTrialNameLength);
        var last = dates.Value.Day(violations, nameof(lastDay), violations.Date(nameof(lastDay), lastDay), Today.In(time));
        violations.ThrowIfAny();
        EnsureCreated();

        var trial = State.Trials.Find(t => t.Name == name) ?? throw new NotFoundException("trial", name);
        if (last < trial.From || last > trial.Until)
        {
            throw InvalidInputException.For(nameof(lastDay), $"must lie within the trial's period ({Period(trial.From, trial.Until)})");
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

    private static bool Overlap(DateOnly from1, DateOnly? until1, DateOnly from2, DateOnly? until2) =>
        (until1 is null || from2 <= until1) && (until2 is null || from1 <= until2);

    private static string Period(DateOnly from, DateOnly? until) => $"{from:yyyy-MM-dd} to {(until is null ? "open end" : until.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}";

    private IReadOnlyList<TrialView> Trials() =>
        [.. State.Trials.Select(t => new TrialView(t.Name, t.Settings.ToData(), t.From, t.Until, t.StartedBy, t.StartedAt))];

    private NeighbourhoodView View()
    {
        var f = _figures ??= Figures.Of(State.Residents.Values);
        return new NeighbourhoodView(NeighbourhoodId, State.Name, State.Municipality, f.Residents, f.NotAssessed, f.WithinCut, f.BeyondCut, f.WithCoach, State.CreatedAt, Trials(), Activity());
    }
}
