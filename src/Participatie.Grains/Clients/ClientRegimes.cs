using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>Where a person's regime layers and benefit facts come from: their record, the configuration, their neighbourhood.</summary>
internal static class ClientRegimes
{
    /// <summary>
    /// Every layer that can apply to the person, whatever its dates: the configured municipal defaults, the person's
    /// trajectories, their neighbourhood's trials and the arms they were drawn into.
    /// </summary>
    public static List<RegimeLayer> Layers(ClientState state, RegimePolicy policy, IReadOnlyList<TrialView> trials)
    {
        var layers = new List<RegimeLayer>(policy.DefaultLayers());
        layers.AddRange(state.Trajectories.Select(t => new RegimeLayer(RegimeSource.Trajectory, t.Name, t.Settings.ToDomain(), t.From, t.Until)));
        layers.AddRange(trials.Select(t => new RegimeLayer(RegimeSource.NeighbourhoodTrial, $"{state.NeighbourhoodId}/{t.Name}", t.Settings.ToDomain(), t.From, t.Until)));
        layers.AddRange(state.Experiments.Values
            .Where(m => m.Status == MembershipStatus.Assigned && m.From is not null && !(m.Until < m.From))
            .Select(m => new RegimeLayer(RegimeSource.ExperimentArm, m.LayerName, m.Regime?.ToDomain() ?? RegimeOverrides.None, m.From, m.Until)));
        return layers;
    }

    /// <summary>The regime on <paramref name="day"/>; FAILED_PRECONDITION when no municipal default is configured for it.</summary>
    public static ResolvedRegime Resolve(IReadOnlyList<RegimeLayer> layers, DateOnly day) =>
        Trajectories.RegimeOn(layers, day, out var regime) is { } refusal
            ? throw new PreconditionFailedException(refusal.Code, refusal.Message)
            : regime!;

    /// <summary>The trajectory in force on <paramref name="day"/>, if any.</summary>
    public static TrajectoryRecord? TrajectoryOn(ClientState state, DateOnly day) =>
        Trajectories.On([.. state.Trajectories.Select(t => t.ToPeriod())], day) is var index and >= 0 ? state.Trajectories[index] : null;

    /// <summary>The facts of one month (<see cref="MonthFacts.Of"/>), with consent to a basic benefit given on <paramref name="consentDay"/>.</summary>
    public static BenefitFacts Facts(ClientState state, DateOnly month, DateOnly? consentDay) =>
        MonthFacts.Of(month, state.HouseholdType, state.DateOfBirth, [.. state.MonthReports.Select(r => r.ToDomain())], state.Sanctions.Select(s => s.ToDomain()), consentDay);
}
