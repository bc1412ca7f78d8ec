using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain.Benefits;
using Participatie.Domain.People;
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
    public static ResolvedRegime Resolve(IReadOnlyList<RegimeLayer> layers, DateOnly day)
    {
        if (!layers.Any(l => l.Source == RegimeSource.MunicipalDefault && l.InForceOn(day)))
        {
            throw new PreconditionFailedException(Reasons.RegimeNotConfigured, $"no municipal default regime is in force on {day:yyyy-MM-dd}; configure Regimes:Defaults");
        }

        return RegimeResolver.Resolve(layers, day);
    }

    /// <summary>The trajectory in force on <paramref name="day"/>, if any.</summary>
    public static TrajectoryRecord? TrajectoryOn(ClientState state, DateOnly day) =>
        state.Trajectories.Find(t => t.From <= day && (t.Until is null || day <= t.Until));

    /// <summary>
    /// The facts of one month: the household and its adults of 27+ (from the month's income form, else the household's
    /// own), earnings and hours, group support, measures, and consent to a basic benefit given on <paramref name="consentDay"/>.
    /// The statutory disregard runs six consecutive months from the first month with earnings at 27 or over.
    /// </summary>
    public static BenefitFacts Facts(ClientState state, DateOnly month, DateOnly? consentDay)
    {
        var report = state.MonthReports.Find(r => r.Month == month);
        var own = state.HouseholdType == HouseholdType.Couple ? 2 : 1;
        return new BenefitFacts(state.HouseholdType, state.DateOfBirth, report is { AdultsInHome: > 0 } ? report.AdultsInHome : own, report?.NetEarningsCents ?? 0)
        {
            StatutoryDisregardStart = state.MonthReports
                .Where(r => r.NetEarningsCents > 0 && r.Month <= month && Age.On(state.DateOfBirth, r.Month) >= BenefitCalculator.StatutoryDisregardMinimumAge)
                .Select(r => (DateOnly?)r.Month)
                .Min(),
            WorkHoursPerWeek = report?.WorkHoursPerWeek ?? 0,
            InGroupSupport = report?.GroupSupport ?? false,
            Sanctions = [.. state.Sanctions.Select(s => new Sanction(s.Reference, s.FirstMonth, s.Percent, s.Months, s.SpreadOverThreeMonths))],
            BasicBenefitConsent = consentDay,
        };
    }
}
