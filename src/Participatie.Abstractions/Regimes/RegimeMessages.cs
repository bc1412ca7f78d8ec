using Participatie.Domain.Regimes;

namespace Participatie.Abstractions.Regimes;

/// <summary>Some settings of a regime as they travel between grains; null leaves a setting to the layers beneath.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RegimeSettings")]
public sealed record RegimeSettingsData(
    [property: Id(0)] JobSearchObligation? JobSearch,
    [property: Id(1)] CounterPerformance? CounterPerformance,
    [property: Id(2)] bool? SanctionsAllowed,
    [property: Id(3)] int? CaseloadCap,
    [property: Id(4)] int? ContactIntervalDays,
    [property: Id(5)] EarningsDisregardKind? EarningsDisregard,
    [property: Id(6)] bool? JobFoundBonus,
    [property: Id(7)] bool? GroupSupportBonus,
    [property: Id(8)] BenefitLevel? BenefitLevel)
{
    public static RegimeSettingsData Of(RegimeOverrides o) =>
        new(o.JobSearch, o.CounterPerformance, o.SanctionsAllowed, o.CaseloadCap, o.ContactIntervalDays, o.EarningsDisregard, o.JobFoundBonus, o.GroupSupportBonus, o.BenefitLevel);

    public static RegimeSettingsData Of(Regime r) => Of(RegimeOverrides.All(r));

    public RegimeOverrides ToDomain() =>
        new(JobSearch, CounterPerformance, SanctionsAllowed, CaseloadCap, ContactIntervalDays, EarningsDisregard, JobFoundBonus, GroupSupportBonus, BenefitLevel);
}

/// <summary>One regime layer in force for a person.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RegimeLayerView")]
public sealed record RegimeLayerView(
    [property: Id(0)] RegimeSource Source,
    [property: Id(1)] string Name,
    [property: Id(2)] RegimeSettingsData Settings,
    [property: Id(3)] DateOnly? From,
    [property: Id(4)] DateOnly? Until)
{
    public static RegimeLayerView Of(RegimeLayer layer) => new(layer.Source, layer.Name, RegimeSettingsData.Of(layer.Settings), layer.From, layer.Until);
}

/// <summary>Why one setting has its value.</summary>
[GenerateSerializer, Immutable, Alias("participatie.SettingExplanation")]
public sealed record SettingExplanationView(
    [property: Id(0)] string Setting,
    [property: Id(1)] string Value,
    [property: Id(2)] RegimeSource Source,
    [property: Id(3)] string SourceName,
    [property: Id(4)] IReadOnlyList<string> Notes);

/// <summary>A person's effective regime on a day (every setting set), why, and the layers in force, lowest first.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RegimeView")]
public sealed record RegimeView(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] RegimeSettingsData Regime,
    [property: Id(2)] IReadOnlyList<SettingExplanationView> Explanation,
    [property: Id(3)] IReadOnlyList<RegimeLayerView> Layers);

/// <summary>Consent as a caller sends it; the grain checks it.</summary>
/// <param name="Text">The text shown to the person.</param>
/// <param name="Version">The version of that text.</param>
/// <param name="GivenAt">When the person gave it, ISO-8601.</param>
[GenerateSerializer, Immutable, Alias("participatie.ConsentData")]
public sealed record ConsentData(
    [property: Id(0)] string Text,
    [property: Id(1)] string Version,
    [property: Id(2)] string GivenAt);

/// <summary>Consent as recorded.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ConsentView")]
public sealed record ConsentView(
    [property: Id(0)] string Text,
    [property: Id(1)] string Version,
    [property: Id(2)] DateTimeOffset GivenAt);
