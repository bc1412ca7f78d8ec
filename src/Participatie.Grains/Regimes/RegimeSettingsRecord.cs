using Participatie.Abstractions.Regimes;
using Participatie.Domain.Regimes;

namespace Participatie.Grains.Regimes;

/// <summary>Stored regime settings (a layer's overrides); null leaves a setting to the layers beneath.</summary>
[GenerateSerializer, Alias("participatie.state.RegimeSettings")]
public sealed class RegimeSettingsRecord
{
    [Id(0)] public JobSearchObligation? JobSearch { get; set; }

    [Id(1)] public CounterPerformance? CounterPerformance { get; set; }

    [Id(2)] public bool? SanctionsAllowed { get; set; }

    [Id(3)] public int? CaseloadCap { get; set; }

    [Id(4)] public int? ContactIntervalDays { get; set; }

    [Id(5)] public EarningsDisregardKind? EarningsDisregard { get; set; }

    [Id(6)] public bool? JobFoundBonus { get; set; }

    [Id(7)] public bool? GroupSupportBonus { get; set; }

    [Id(8)] public BenefitLevel? BenefitLevel { get; set; }

    public static RegimeSettingsRecord Of(RegimeOverrides o) => new()
    {
        JobSearch = o.JobSearch,
        CounterPerformance = o.CounterPerformance,
        SanctionsAllowed = o.SanctionsAllowed,
        CaseloadCap = o.CaseloadCap,
        ContactIntervalDays = o.ContactIntervalDays,
        EarningsDisregard = o.EarningsDisregard,
        JobFoundBonus = o.JobFoundBonus,
        GroupSupportBonus = o.GroupSupportBonus,
        BenefitLevel = o.BenefitLevel,
    };

    public RegimeOverrides ToDomain() =>
        new(JobSearch, CounterPerformance, SanctionsAllowed, CaseloadCap, ContactIntervalDays, EarningsDisregard, JobFoundBonus, GroupSupportBonus, BenefitLevel);

    public RegimeSettingsData ToData() => RegimeSettingsData.Of(ToDomain());
}

/// <summary>A stored regime layer, e.g. the layers a frozen statement was computed with.</summary>
[GenerateSerializer, Alias("participatie.state.RegimeLayer")]
public sealed class RegimeLayerRecord
{
    [Id(0)] public RegimeSource Source { get; set; }

    [Id(1)] public string Name { get; set; } = string.Empty;

    [Id(2)] public RegimeSettingsRecord Settings { get; set; } = new();

    [Id(3)] public DateOnly? From { get; set; }

    [Id(4)] public DateOnly? Until { get; set; }

    public static RegimeLayerRecord Of(RegimeLayer layer) => new()
    {
        Source = layer.Source,
        Name = layer.Name,
        Settings = RegimeSettingsRecord.Of(layer.Settings),
        From = layer.From,
        Until = layer.Until,
    };

    public RegimeLayerView ToView() => new(Source, Name, Settings.ToData(), From, Until);
}
