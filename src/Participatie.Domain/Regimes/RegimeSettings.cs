namespace Participatie.Domain.Regimes;

/// <summary>Whether the person must look for work.</summary>
public enum JobSearchObligation
{
    Unspecified = 0,
    Applies = 1,

    /// <summary>Exempt (ontheffing), e.g. the "Zelf in actie" arm.</summary>
    Exempt = 2,
}

/// <summary>Whether the person must do something in return (tegenprestatie): volunteering, informal care, work on health, debts or contacts.</summary>
public enum CounterPerformance
{
    Unspecified = 0,
    Required = 1,
    Voluntary = 2,
    None = 3,
}

/// <summary>Which earnings disregard applies.</summary>
public enum EarningsDisregardKind
{
    Unspecified = 0,

    /// <summary>The statutory disregard: 25% up to a monthly cap, six months, from age 27.</summary>
    Statutory = 1,

    /// <summary>The experimental disregard ("Werken loont"): 50% up to a cap for the experiment's duration, never less than the statutory one.</summary>
    Experimental = 2,
}

/// <summary>The level of the benefit.</summary>
public enum BenefitLevel
{
    Unspecified = 0,

    /// <summary>The statutory norm for the household.</summary>
    Norm = 1,

    /// <summary>A lower, rule-free basic benefit that the person chose with recorded consent (only from a trajectory).</summary>
    OptInBasic = 2,
}

/// <summary>
/// Where a regime layer comes from. The numeric order is the precedence: a higher source overrides a lower one,
/// setting by setting (municipal default &lt; trajectory &lt; neighbourhood trial &lt; experiment arm).
/// </summary>
public enum RegimeSource
{
    Unspecified = 0,
    MunicipalDefault = 1,

    /// <summary>A trajectory such as self-employed, 50+ or long-term families.</summary>
    Trajectory = 2,
    NeighbourhoodTrial = 3,
    ExperimentArm = 4,
}

/// <summary>The rules applied to a person: the effective value of every setting in DOMAIN.md's regime table.</summary>
/// <param name="JobSearch">Job-search obligation.</param>
/// <param name="CounterPerformance">Counter-performance.</param>
/// <param name="SanctionsAllowed">Whether a measure (maatregel) may reduce the benefit.</param>
/// <param name="CaseloadCap">Coaching intensity: the caseload limit of the person's coach.</param>
/// <param name="ContactIntervalDays">Coaching intensity: the coach is alerted when the person has not been contacted for this many days.</param>
/// <param name="EarningsDisregard">Statutory or experimental earnings disregard.</param>
/// <param name="JobFoundBonus">Whether the job-found bonus may be paid.</param>
/// <param name="GroupSupportBonus">Whether the group-support bonus may be paid.</param>
/// <param name="BenefitLevel">Norm or opt-in basic benefit.</param>
public sealed record Regime(
    JobSearchObligation JobSearch,
    CounterPerformance CounterPerformance,
    bool SanctionsAllowed,
    int CaseloadCap,
    int ContactIntervalDays,
    EarningsDisregardKind EarningsDisregard,
    bool JobFoundBonus,
    bool GroupSupportBonus,
    BenefitLevel BenefitLevel);

/// <summary>Some settings of a regime: what one layer sets. A null setting is left to the layers beneath.</summary>
public sealed record RegimeOverrides(
    JobSearchObligation? JobSearch = null,
    CounterPerformance? CounterPerformance = null,
    bool? SanctionsAllowed = null,
    int? CaseloadCap = null,
    int? ContactIntervalDays = null,
    EarningsDisregardKind? EarningsDisregard = null,
    bool? JobFoundBonus = null,
    bool? GroupSupportBonus = null,
    BenefitLevel? BenefitLevel = null)
{
    /// <summary>Sets nothing, e.g. the control arm: nothing changes for its members.</summary>
    public static RegimeOverrides None { get; } = new();

    /// <summary>True when this sets no setting at all.</summary>
    public bool IsEmpty => this == None;

    /// <summary>Every setting of a complete regime, e.g. for a municipal default.</summary>
    public static RegimeOverrides All(Regime regime) => new(
        regime.JobSearch,
        regime.CounterPerformance,
        regime.SanctionsAllowed,
        regime.CaseloadCap,
        regime.ContactIntervalDays,
        regime.EarningsDisregard,
        regime.JobFoundBonus,
        regime.GroupSupportBonus,
        regime.BenefitLevel);
}

/// <summary>One source's contribution to a person's regime, in force from <see cref="From"/> to <see cref="Until"/> (both inclusive, open when null).</summary>
/// <param name="Source">Where it comes from; decides its precedence.</param>
/// <param name="Name">What people can trace it to, e.g. "rotterdam-2026" or "tilburg-2017/exemption".</param>
/// <param name="Settings">The settings it sets.</param>
/// <param name="From">First day in force.</param>
/// <param name="Until">Last day in force, e.g. the end of an experiment.</param>
public sealed record RegimeLayer(RegimeSource Source, string Name, RegimeOverrides Settings, DateOnly? From = null, DateOnly? Until = null)
{
    /// <summary>True when the layer is in force on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) => (From is null || From <= day) && (Until is null || day <= Until);

    /// <summary>How an explanation names the layer, e.g. <c>experiment arm 'tilburg-2017/exemption'</c>.</summary>
    public string Describe() => $"{Names.Snake(Source).Replace('_', ' ')} '{Name}'";
}
