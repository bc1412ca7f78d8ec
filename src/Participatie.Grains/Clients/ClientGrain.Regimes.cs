using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Regimes;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>The person's regime: its layers, why each setting applies, and the trajectories set on the person.</summary>
public sealed partial class ClientGrain
{
    private const int MaxActorLength = 100;

    public async Task<RegimeView> GetRegimeAsync(DateOnly? day)
    {
        EnsureRegistered();
        var violations = new Violations();
        Dates.Day(violations, "date", day, Today.In(Time));
        violations.ThrowIfAny();
        var on = day ?? Today.In(Time);
        var layers = await LayersAsync();
        var resolved = ClientRegimes.Resolve(layers, on);
        return new RegimeView(
            on,
            RegimeSettingsData.Of(resolved.Regime),
            [.. resolved.Explanation.Select(e => new SettingExplanationView(e.Setting, e.Value, e.Source, e.SourceName, e.Notes))],
            [.. layers.Where(l => l.InForceOn(on)).OrderBy(l => l.Source).Select(RegimeLayerView.Of)]);
    }

    public async Task<TrajectoryView> StartTrajectoryAsync(StartTrajectoryCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var name = violations.Text("trajectory", command.Trajectory, RegimeRules.MaxNameLength);
        var from = Dates.CaseDay(violations, "from", violations.Date("from", command.From), Today.In(Time), CaseDates.Start, CaseDates.FirstPaid);
        var until = Dates.Day(violations, "until", violations.Date("until", command.Until, required: false), Today.In(Time));
        if (from is not null && until < from)
        {
            violations.Add("until", "must not be before from");
        }

        var definition = name is null ? null : Regimes.Trajectory(name);
        var lowers = definition?.BenefitLevel == BenefitLevel.OptInBasic;
        var consent = command.Consent is null && !lowers ? null : ConsentRules.Check(violations, "consent", command.Consent, Time.GetUtcNow(), Dates);
        var startedBy = violations.Text("started_by", command.StartedBy, MaxActorLength);
        violations.ThrowIfAny();

        if (definition is null)
        {
            throw new NotFoundException("trajectory", name!);
        }

        if (!definition.AvailableOn(from!.Value))
        {
            throw new PreconditionFailedException(
                Reasons.TrajectoryNotAvailable,
                $"trajectory {name} can be started from {definition.From:yyyy-MM-dd}{(definition.Until is { } last ? $" to {last:yyyy-MM-dd}" : string.Empty)}, not on {from:yyyy-MM-dd}");
        }

        if (State.Trajectories.Find(t => t.Name == name && t.From == from && t.Until == until) is { } same)
        {
            return same.ToView();
        }

        if (State.Trajectories.Find(t => from <= (t.Until ?? DateOnly.MaxValue) && t.From <= (until ?? DateOnly.MaxValue)) is { } clash)
        {
            throw new PreconditionFailedException(
                Reasons.TrajectoryOverlaps,
                $"the person is on trajectory {clash.Name} from {clash.From:yyyy-MM-dd}{(clash.Until is { } end ? $" to {end:yyyy-MM-dd}" : string.Empty)}; end it first (a person is on one trajectory at a time)");
        }

        var trajectory = new TrajectoryRecord
        {
            Name = definition.Name,
            Settings = RegimeSettingsRecord.Of(definition.Settings()),
            From = from.Value,
            Until = until,
            Consent = consent,
            StartedBy = startedBy!,
            StartedAt = Time.GetUtcNow(),
        };
        State.Trajectories.Add(trajectory);
        State.Trajectories.Sort((a, b) => a.From.CompareTo(b.From));
        await SaveAsync();
        return trajectory.ToView();
    }

    public async Task<TrajectoryView> EndTrajectoryAsync(string lastDay, string endedBy)
    {
        EnsureRegistered();
        var violations = new Violations();
        var last = Dates.Day(violations, "last_day", violations.Date("last_day", lastDay), Today.In(Time));
        var by = violations.Text("ended_by", endedBy, MaxActorLength);
        violations.ThrowIfAny();

        var trajectory = ClientRegimes.TrajectoryOn(State, last!.Value)
            ?? throw new PreconditionFailedException(Reasons.NoTrajectory, $"the person is on no trajectory on {last:yyyy-MM-dd}");
        if (trajectory.Until != last)
        {
            trajectory.Until = last;
            trajectory.EndedBy = by;
            await SaveAsync();
        }

        return trajectory.ToView();
    }

    /// <summary>Every layer that can apply to the person; the neighbourhood is asked for its trials.</summary>
    private async Task<List<RegimeLayer>> LayersAsync()
    {
        var trials = await GrainFactory.GetGrain<INeighbourhoodGrain>(State.NeighbourhoodId).GetTrialsAsync();
        return ClientRegimes.Layers(State, Regimes, trials);
    }
}
