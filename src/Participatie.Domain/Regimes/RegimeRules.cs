using Participatie.Domain.Validation;

namespace Participatie.Domain.Regimes;

/// <summary>The rules a regime layer must meet.</summary>
public static class RegimeRules
{
    public const int MaxNameLength = 100;
    public const int MaxCaseloadCap = 1000;
    public const int MaxContactIntervalDays = 365;

    /// <summary>Checks the settings a layer sets; <paramref name="prefix"/> is the field path of the settings.</summary>
    public static void ValidateSettings(Violations violations, RegimeOverrides settings, string prefix)
    {
        DefinedIfSet(violations, $"{prefix}.{RegimeSettingNames.JobSearchObligation}", settings.JobSearch);
        DefinedIfSet(violations, $"{prefix}.{RegimeSettingNames.CounterPerformance}", settings.CounterPerformance);
        DefinedIfSet(violations, $"{prefix}.{RegimeSettingNames.EarningsDisregard}", settings.EarningsDisregard);
        DefinedIfSet(violations, $"{prefix}.{RegimeSettingNames.BenefitLevel}", settings.BenefitLevel);
        if (settings.CaseloadCap is { } cap)
        {
            violations.Range($"{prefix}.{RegimeSettingNames.CaseloadCap}", cap, 1, MaxCaseloadCap);
        }

        if (settings.ContactIntervalDays is { } days)
        {
            violations.Range($"{prefix}.{RegimeSettingNames.ContactIntervalDays}", days, 1, MaxContactIntervalDays);
        }
    }

    /// <summary>Checks a whole layer: its name, source and period, and its settings (see <see cref="ValidateSettingsFrom"/>).</summary>
    public static void ValidateLayer(Violations violations, RegimeLayer layer, string prefix)
    {
        var name = violations.Text($"{prefix}.name", layer.Name, MaxNameLength);
        if (name is not null && !TextRules.IsSingleLine(name))
        {
            violations.Add($"{prefix}.name", "must be a single line");
        }

        violations.Defined($"{prefix}.source", layer.Source);
        if (layer.From is { } from && layer.Until is { } until && until < from)
        {
            violations.Add($"{prefix}.until", "must not be before from");
        }

        ValidateSettingsFrom(violations, layer.Source, layer.Settings, $"{prefix}.settings");
    }

    /// <summary>
    /// Checks the settings a layer of <paramref name="source"/> sets: their values, that a municipal default sets every
    /// setting, and that only a trajectory sets the opt-in basic benefit.
    /// </summary>
    public static void ValidateSettingsFrom(Violations violations, RegimeSource source, RegimeOverrides settings, string prefix)
    {
        ValidateSettings(violations, settings, prefix);
        if (source == RegimeSource.MunicipalDefault)
        {
            foreach (var missing in Missing(settings))
            {
                violations.Add($"{prefix}.{missing}", "is required in a municipal default");
            }
        }

        if (settings.BenefitLevel == BenefitLevel.OptInBasic && source != RegimeSource.Trajectory)
        {
            violations.Add($"{prefix}.{RegimeSettingNames.BenefitLevel}", "opt_in_basic can only come from a trajectory the person chooses, with recorded consent");
        }
    }

    private static IEnumerable<string> Missing(RegimeOverrides s)
    {
        (string Name, bool Set)[] settings =
        [
            (RegimeSettingNames.JobSearchObligation, s.JobSearch is not null),
            (RegimeSettingNames.CounterPerformance, s.CounterPerformance is not null),
            (RegimeSettingNames.Sanctions, s.SanctionsAllowed is not null),
            (RegimeSettingNames.CaseloadCap, s.CaseloadCap is not null),
            (RegimeSettingNames.ContactIntervalDays, s.ContactIntervalDays is not null),
            (RegimeSettingNames.EarningsDisregard, s.EarningsDisregard is not null),
            (RegimeSettingNames.JobFoundBonus, s.JobFoundBonus is not null),
            (RegimeSettingNames.GroupSupportBonus, s.GroupSupportBonus is not null),
            (RegimeSettingNames.BenefitLevel, s.BenefitLevel is not null),
        ];
        return settings.Where(x => !x.Set).Select(x => x.Name);
    }

    private static void DefinedIfSet<T>(Violations violations, string field, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            violations.Defined(field, v);
        }
    }
}
