using System.Globalization;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Regimes;

/// <summary>The names of the regime settings, as explanations and field paths use them.</summary>
public static class RegimeSettingNames
{
    public const string JobSearchObligation = "job_search_obligation";
    public const string CounterPerformance = "counter_performance";
    public const string Sanctions = "sanctions";
    public const string CaseloadCap = "caseload_cap";
    public const string ContactIntervalDays = "contact_interval_days";
    public const string EarningsDisregard = "earnings_disregard";
    public const string JobFoundBonus = "job_found_bonus";
    public const string GroupSupportBonus = "group_support_bonus";
    public const string BenefitLevel = "benefit_level";
}

/// <summary>Why one setting of a person's regime has its value: the layer that set it, and what happened on the way.</summary>
/// <param name="Setting">The setting, one of <see cref="RegimeSettingNames"/>.</param>
/// <param name="Value">Its effective value, e.g. <c>exempt</c>, <c>not_possible</c>, <c>28</c>.</param>
/// <param name="Source">The kind of layer that set it.</param>
/// <param name="SourceName">The name of that layer.</param>
/// <param name="Notes">What that layer overrode, and any setting of a higher layer that was ignored and why.</param>
public sealed record SettingExplanation(string Setting, string Value, RegimeSource Source, string SourceName, IReadOnlyList<string> Notes);

/// <summary>A person's effective regime and, setting by setting, why it applies.</summary>
public sealed record ResolvedRegime(Regime Regime, IReadOnlyList<SettingExplanation> Explanation)
{
    /// <summary>The explanation of one setting.</summary>
    public SettingExplanation For(string setting) => Explanation.Single(e => e.Setting == setting);
}

/// <summary>
/// Combines the regime layers that apply to a person into the effective regime. Precedence is explicit and fixed:
/// municipal default &lt; trajectory &lt; neighbourhood trial &lt; experiment arm (see <see cref="RegimeSource"/>); each
/// layer may set only some settings, and a setting takes the value of the highest layer that sets it.
/// <para>
/// No one is worse off (DOMAIN.md): a layer above the municipal default may not make a setting that decides money
/// less favourable than the regime beneath it — allow sanctions the regime beneath excludes, replace the experimental
/// disregard by the statutory one, or withdraw a bonus. Such a setting is ignored and the explanation says so. The only
/// lower benefit allowed is the opt-in basic benefit, and only from a trajectory (see <see cref="RegimeRules"/>); the
/// benefit calculator pays it only with recorded consent.
/// </para>
/// </summary>
public static class RegimeResolver
{
    /// <summary>Resolves the layers in force on <paramref name="day"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A layer in force is invalid, there is not exactly one municipal default in force, or two layers of the same
    /// source are in force (their precedence would not be defined).
    /// </exception>
    public static ResolvedRegime Resolve(IEnumerable<RegimeLayer> layers, DateOnly day)
    {
        var ordered = LayersInForce(layers, day);
        var explanation = new List<SettingExplanation>();

        T Pick<T>(string setting, Func<RegimeOverrides, T?> read, Func<T, string> show, Func<T, T, string?>? worseOff = null)
            where T : struct
        {
            var source = ordered[0];
            var value = read(source.Settings)!.Value;
            var notes = new List<string>();
            foreach (var layer in ordered.Skip(1))
            {
                if (read(layer.Settings) is not { } proposed)
                {
                    continue;
                }

                if (worseOff?.Invoke(value, proposed) is { } reason)
                {
                    notes.Add($"{layer.Describe()} sets {show(proposed)}, ignored: {reason}, and no one may be worse off than under the regime beneath");
                    continue;
                }

                notes.Add($"{layer.Describe()} overrides {source.Describe()} ({show(value)})");
                value = proposed;
                source = layer;
            }

            explanation.Add(new SettingExplanation(setting, show(value), source.Source, source.Name, notes));
            return value;
        }

        var regime = new Regime(
            Pick<JobSearchObligation>(RegimeSettingNames.JobSearchObligation, s => s.JobSearch, Names.Snake),
            Pick<CounterPerformance>(RegimeSettingNames.CounterPerformance, s => s.CounterPerformance, Names.Snake),
            Pick<bool>(
                RegimeSettingNames.Sanctions,
                s => s.SanctionsAllowed,
                allowed => allowed ? "possible" : "not_possible",
                (current, proposed) => !current && proposed ? "it would allow sanctions that the regime beneath excludes" : null),
            Pick<int>(RegimeSettingNames.CaseloadCap, s => s.CaseloadCap, Number),
            Pick<int>(RegimeSettingNames.ContactIntervalDays, s => s.ContactIntervalDays, Number),
            Pick<EarningsDisregardKind>(
                RegimeSettingNames.EarningsDisregard,
                s => s.EarningsDisregard,
                Names.Snake,
                (current, proposed) => current == EarningsDisregardKind.Experimental && proposed == EarningsDisregardKind.Statutory
                    ? "it would replace the experimental earnings disregard by the statutory one"
                    : null),
            Pick<bool>(RegimeSettingNames.JobFoundBonus, s => s.JobFoundBonus, Allowed, WithdrawsBonus),
            Pick<bool>(RegimeSettingNames.GroupSupportBonus, s => s.GroupSupportBonus, Allowed, WithdrawsBonus),
            Pick<BenefitLevel>(RegimeSettingNames.BenefitLevel, s => s.BenefitLevel, Names.Snake));
        return new ResolvedRegime(regime, explanation);
    }

    private static List<RegimeLayer> LayersInForce(IEnumerable<RegimeLayer> layers, DateOnly day)
    {
        var inForce = layers.Where(l => l.InForceOn(day)).ToList();
        var violations = new Violations();
        for (var i = 0; i < inForce.Count; i++)
        {
            RegimeRules.ValidateLayer(violations, inForce[i], $"layers[{i}]");
        }

        if (violations.Any)
        {
            throw new ArgumentException(
                "Invalid regime layer: " + violations.Describe(), nameof(layers));
        }

        var defaults = inForce.Count(l => l.Source == RegimeSource.MunicipalDefault);
        if (defaults != 1)
        {
            throw new ArgumentException($"Exactly one municipal default must be in force on {day:yyyy-MM-dd}; there are {defaults}.", nameof(layers));
        }

        if (inForce.GroupBy(l => l.Source).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException(
                $"Two {Names.Snake(clash.Key).Replace('_', ' ')} layers are in force on {day:yyyy-MM-dd} ({string.Join(", ", clash.Select(l => l.Name))}); "
                + "precedence between them is not defined.",
                nameof(layers));
        }

        return [.. inForce.OrderBy(l => l.Source)];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Allowed(bool allowed) => allowed ? "allowed" : "not_allowed";

    private static string? WithdrawsBonus(bool current, bool proposed) => current && !proposed ? "it would withdraw a bonus the regime beneath allows" : null;
}
