using Participatie.Abstractions.Regimes;
using V1 = Participatie.Contracts.V1;
using D = Participatie.Domain.Regimes;

namespace Participatie.Gateway.Mapping;

/// <summary>Regime settings, layers, explanations and consent between the contract and the grains. Enum numbers match one-to-one.</summary>
internal static class RegimeMapping
{
    /// <summary>An UNSPECIFIED enum or an absent field is a setting left to the layers beneath.</summary>
    public static RegimeSettingsData ToData(this V1.RegimeSettings? s) => s is null
        ? RegimeSettingsData.Of(D.RegimeOverrides.None)
        : new RegimeSettingsData(
            s.JobSearchObligation == V1.JobSearchObligation.Unspecified ? null : (D.JobSearchObligation)(int)s.JobSearchObligation,
            s.CounterPerformance == V1.CounterPerformance.Unspecified ? null : (D.CounterPerformance)(int)s.CounterPerformance,
            s.HasSanctionsAllowed ? s.SanctionsAllowed : null,
            s.HasCaseloadCap ? s.CaseloadCap : null,
            s.HasContactIntervalDays ? s.ContactIntervalDays : null,
            s.EarningsDisregard == V1.EarningsDisregard.Unspecified ? null : (D.EarningsDisregardKind)(int)s.EarningsDisregard,
            s.HasJobFoundBonus ? s.JobFoundBonus : null,
            s.HasGroupSupportBonus ? s.GroupSupportBonus : null,
            s.BenefitLevel == V1.BenefitLevel.Unspecified ? null : (D.BenefitLevel)(int)s.BenefitLevel);

    public static V1.RegimeSettings ToContract(this RegimeSettingsData d)
    {
        var settings = new V1.RegimeSettings
        {
            JobSearchObligation = (V1.JobSearchObligation)(int)(d.JobSearch ?? 0),
            CounterPerformance = (V1.CounterPerformance)(int)(d.CounterPerformance ?? 0),
            EarningsDisregard = (V1.EarningsDisregard)(int)(d.EarningsDisregard ?? 0),
            BenefitLevel = (V1.BenefitLevel)(int)(d.BenefitLevel ?? 0),
        };
        if (d.SanctionsAllowed is { } sanctions)
        {
            settings.SanctionsAllowed = sanctions;
        }

        if (d.CaseloadCap is { } cap)
        {
            settings.CaseloadCap = cap;
        }

        if (d.ContactIntervalDays is { } days)
        {
            settings.ContactIntervalDays = days;
        }

        if (d.JobFoundBonus is { } jobFound)
        {
            settings.JobFoundBonus = jobFound;
        }

        if (d.GroupSupportBonus is { } groupSupport)
        {
            settings.GroupSupportBonus = groupSupport;
        }

        return settings;
    }

    /// <summary>An effective regime: every setting is set.</summary>
    public static V1.Regime ToRegime(this RegimeSettingsData d) => new()
    {
        JobSearchObligation = (V1.JobSearchObligation)(int)(d.JobSearch ?? 0),
        CounterPerformance = (V1.CounterPerformance)(int)(d.CounterPerformance ?? 0),
        SanctionsAllowed = d.SanctionsAllowed ?? false,
        CaseloadCap = d.CaseloadCap ?? 0,
        ContactIntervalDays = d.ContactIntervalDays ?? 0,
        EarningsDisregard = (V1.EarningsDisregard)(int)(d.EarningsDisregard ?? 0),
        JobFoundBonus = d.JobFoundBonus ?? false,
        GroupSupportBonus = d.GroupSupportBonus ?? false,
        BenefitLevel = (V1.BenefitLevel)(int)(d.BenefitLevel ?? 0),
    };

    public static V1.RegimeLayer ToContract(this RegimeLayerView layer) => new()
    {
        Source = (V1.RegimeSource)(int)layer.Source,
        Name = layer.Name,
        Settings = layer.Settings.ToContract(),
        From = layer.From is { } from ? ContractMapping.Iso(from) : string.Empty,
        Until = layer.Until is { } until ? ContractMapping.Iso(until) : string.Empty,
    };

    public static V1.SettingExplanation ToContract(this SettingExplanationView e) => new()
    {
        Setting = e.Setting,
        Value = e.Value,
        Source = (V1.RegimeSource)(int)e.Source,
        SourceName = e.SourceName,
        Notes = { e.Notes },
    };

    public static ConsentData? ToData(this V1.Consent? consent) => consent is null ? null : new ConsentData(consent.Text, consent.Version, consent.GivenAt);

    public static V1.Consent ToContract(this ConsentView consent) => new()
    {
        Text = consent.Text,
        Version = consent.Version,
        GivenAt = ContractMapping.Iso(consent.GivenAt),
    };
}
