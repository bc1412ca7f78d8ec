using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Regimes;

/// <summary>
/// A regime as configuration writes it: a name, its dates, and the settings it sets. A setting left out is left to
/// the layers beneath (a municipal default must set them all).
/// </summary>
public sealed class ConfiguredRegime
{
    /// <summary>A short lower-case name people can trace a setting to, e.g. <c>rotterdam-2026</c> or <c>50-plus</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What the regime is for, in a sentence.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>
    /// A municipal default is in force from this day until the next default starts; a trajectory can be started from
    /// this day on.
    /// </summary>
    public DateOnly From { get; set; }

    /// <summary>Trajectories only: the last day a person can be on it. Defaults end where the next one starts.</summary>
    public DateOnly? Until { get; set; }

    public JobSearchObligation? JobSearch { get; set; }

    public CounterPerformance? CounterPerformance { get; set; }

    public bool? SanctionsAllowed { get; set; }

    public int? CaseloadCap { get; set; }

    public int? ContactIntervalDays { get; set; }

    public EarningsDisregardKind? EarningsDisregard { get; set; }

    public bool? JobFoundBonus { get; set; }

    public bool? GroupSupportBonus { get; set; }

    public BenefitLevel? BenefitLevel { get; set; }

    /// <summary>The settings this regime sets.</summary>
    public RegimeOverrides Settings() => new(
        JobSearch, CounterPerformance, SanctionsAllowed, CaseloadCap, ContactIntervalDays, EarningsDisregard, JobFoundBonus, GroupSupportBonus, BenefitLevel);

    /// <summary>True when the trajectory may be started on <paramref name="day"/>.</summary>
    public bool AvailableOn(DateOnly day) => From <= day && (Until is null || day <= Until);
}

/// <summary>
/// The regimes of the municipality, bound from configuration (section <c>Regimes</c>): the dated municipal defaults —
/// the bottom layer of everyone's regime — and the trajectories a person can be put on (self-employed, 50+, long-term
/// families, an opt-in basic benefit). Neighbourhood trials and experiment arms are not configuration: they are set
/// through the API, on the neighbourhood and the experiment.
/// </summary>
public sealed class RegimePolicy
{
    public const string Section = "Regimes";

    public List<ConfiguredRegime> Defaults { get; set; } = [];

    public List<ConfiguredRegime> Trajectories { get; set; } = [];

    /// <summary>Configuration property names of the settings, by <see cref="RegimeSettingNames"/>.</summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [RegimeSettingNames.JobSearchObligation] = nameof(ConfiguredRegime.JobSearch),
        [RegimeSettingNames.CounterPerformance] = nameof(ConfiguredRegime.CounterPerformance),
        [RegimeSettingNames.Sanctions] = nameof(ConfiguredRegime.SanctionsAllowed),
        [RegimeSettingNames.CaseloadCap] = nameof(ConfiguredRegime.CaseloadCap),
        [RegimeSettingNames.ContactIntervalDays] = nameof(ConfiguredRegime.ContactIntervalDays),
        [RegimeSettingNames.EarningsDisregard] = nameof(ConfiguredRegime.EarningsDisregard),
        [RegimeSettingNames.JobFoundBonus] = nameof(ConfiguredRegime.JobFoundBonus),
        [RegimeSettingNames.GroupSupportBonus] = nameof(ConfiguredRegime.GroupSupportBonus),
        [RegimeSettingNames.BenefitLevel] = nameof(ConfiguredRegime.BenefitLevel),
    };

    /// <summary>The municipal defaults as regime layers: each in force from its From to the day before the next one's.</summary>
    public IReadOnlyList<RegimeLayer> DefaultLayers()
    {
        var ordered = Defaults.OrderBy(d => d.From).ToList();
        return [.. ordered.Select((d, i) => new RegimeLayer(
            RegimeSource.MunicipalDefault,
            d.Name,
            d.Settings(),
            d.From,
            i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : null))];
    }

    /// <summary>The trajectory of that name; null when none is configured.</summary>
    public ConfiguredRegime? Trajectory(string name) => Trajectories.Find(t => t.Name == name);

    /// <summary>
    /// Problems with the configuration, each naming its key. With <paramref name="table"/>, also every figure a
    /// configured regime needs (experimental disregard, bonuses, basic benefit) that the benefit table lacks.
    /// </summary>
    public IEnumerable<string> Problems(BenefitTable? table = null)
    {
        var problems = new List<string>();
        if (Defaults.Count == 0)
        {
            problems.Add($"{Section}:Defaults must hold at least one municipal default");
        }

        for (var i = 0; i < Defaults.Count; i++)
        {
            var path = $"{Section}:Defaults:{i}";
            Check(problems, Defaults[i], RegimeSource.MunicipalDefault, path, table);
            if (Defaults[i].Until is not null)
            {
                problems.Add($"{path}:Until does not apply: a municipal default is in force until the next one starts");
            }
        }

        for (var i = 0; i < Trajectories.Count; i++)
        {
            var path = $"{Section}:Trajectories:{i}";
            Check(problems, Trajectories[i], RegimeSource.Trajectory, path, table);
            if (Trajectories[i].Settings().IsEmpty)
            {
                problems.Add($"{path} must set at least one setting");
            }
        }

        problems.AddRange(Defaults.GroupBy(d => d.From).Where(g => g.Count() > 1)
            .Select(g => $"{Section}:Defaults has two municipal defaults in force from {g.Key:yyyy-MM-dd}"));
        problems.AddRange(Trajectories.GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{Section}:Trajectories has two trajectories named {g.Key}"));
        return problems;
    }

    private static void Check(List<string> problems, ConfiguredRegime regime, RegimeSource source, string path, BenefitTable? table)
    {
        if (!ExperimentRules.IsSlug(regime.Name))
        {
            problems.Add($"{path}:Name must be 1-60 lower-case letters, digits or hyphens, starting with a letter or digit");
        }

        if (regime.From == default)
        {
            problems.Add($"{path}:From is required (yyyy-MM-dd)");
        }

        if (regime.Until is { } until && until < regime.From)
        {
            problems.Add($"{path}:Until must not be before From");
        }

        var violations = new Violations();
        RegimeRules.ValidateSettingsFrom(violations, source, regime.Settings(), "settings");
        foreach (var violation in violations.Items)
        {
            var setting = violation.Field["settings.".Length..];
            problems.Add($"{path}:{Keys.GetValueOrDefault(setting, setting)} {violation.Description}");
        }

        if (table is not null && regime.From != default)
        {
            foreach (var rule in table.MissingFor(regime.Settings(), regime.From))
            {
                problems.Add($"{path} needs a figure for {rule} in force from {regime.From:yyyy-MM-dd}: add one to Benefits:Entries");
            }
        }
    }
}
