using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Regimes;
using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's regime: its layers, why each setting applies, and the trajectories set on the person, by the rules of
/// <see cref="Trajectories"/>.
/// </summary>
public sealed partial class ClientGrain
{
    public async Task<RegimeView> GetRegimeAsync(DateOnly? day)
    {
        EnsureRegistered();
        var violations = new Violations();
        Dates.Day(violations, nameof(RegimeView.Day), day, Today.In(Time));
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
        var consent = command.Consent is { } given ? (given.Text, given.Version, given.GivenAt) : ((string?, string?, string?)?)null;
        var start = Trajectories.Check(
            violations, Calendar, Regimes, (command.Trajectory, command.From, command.Until, consent, command.StartedBy), Time.GetUtcNow(), Today.Of, out var unknown);
        violations.ThrowIfAny();
        Refuse(unknown);

        Refuse(Trajectories.CanStart(start!, [.. State.Trajectories.Select(t => t.ToPeriod())], out var same));
        if (same is { } index)
        {
            return State.Trajectories[index].ToView();
        }

        var trajectory = new TrajectoryRecord
        {
            Name = start!.Trajectory.Name,
            Settings = RegimeSettingsRecord.Of(start.Trajectory.Settings()),
            From = start.From,
            Until = start.Until,
            Consent = start.Consent?.ToRecord(),
            StartedBy = start.StartedBy,
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
        var last = Dates.Day(violations, nameof(TrajectoryPeriod.Until), violations.Date(nameof(TrajectoryPeriod.Until), lastDay), Today.In(Time));
        var by = violations.Text(nameof(TrajectoryRecord.EndedBy), endedBy, IncomeForm.MaxActorLength);
        violations.ThrowIfAny();

        Refuse(Trajectories.CanEnd([.. State.Trajectories.Select(t => t.ToPeriod())], last!.Value, out var index, out var changes));
        var trajectory = State.Trajectories[index];
        if (changes)
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
