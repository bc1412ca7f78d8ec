using Participatie.Domain.Regimes;

namespace Participatie.Domain.Benefits;

/// <summary>The dated figures a benefit is calculated from. Each is configuration (<c>Benefits:Entries</c>), never code.</summary>
public enum BenefitRule
{
    Unspecified = 0,

    /// <summary>Monthly net norm for a single person or single parent, 21 to state pension age, including holiday allowance (cents).</summary>
    NormSingle = 1,

    /// <summary>Monthly net norm for a couple, including holiday allowance (cents); also the base of the cost-sharer norm.</summary>
    NormCouple = 2,

    /// <summary>The share of earnings the statutory disregard leaves out (percent; 25).</summary>
    StatutoryDisregardPercent = 3,

    /// <summary>The monthly cap of the statutory disregard (cents).</summary>
    StatutoryDisregardCap = 4,

    /// <summary>For how many consecutive months the statutory disregard runs (months; 6).</summary>
    StatutoryDisregardMonths = 5,

    /// <summary>The share of earnings the experimental disregard leaves out (percent; 50).</summary>
    ExperimentalDisregardPercent = 6,

    /// <summary>The monthly cap of the experimental disregard (cents).</summary>
    ExperimentalDisregardCap = 7,

    /// <summary>The job-found bonus per year of full-time work (cents), paid as a twelfth per month.</summary>
    JobFoundBonusPerYear = 8,

    /// <summary>The bonus per month for taking part in group support (cents).</summary>
    GroupSupportBonusPerMonth = 9,

    /// <summary>The opt-in basic benefit as a share of the norm (percent). The municipality sets it; DOMAIN.md gives no figure.</summary>
    BasicBenefitPercent = 10,
}

/// <summary>What a figure of a <see cref="BenefitRule"/> is counted in.</summary>
public enum FigureUnit
{
    Cents,
    Percent,
    Months,
}

/// <summary>One dated figure: from <see cref="EffectiveFrom"/> on (until a later figure of the same rule) the rule has this value.</summary>
public sealed class BenefitFigure
{
    public BenefitRule Rule { get; set; }

    /// <summary>The first month the figure applies (the first day of that month).</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The figure for rules counted in euro cents.</summary>
    public long? Cents { get; set; }

    /// <summary>The figure for rules counted in percent, e.g. 25 or 12.5.</summary>
    public decimal? Percent { get; set; }

    /// <summary>The figure for rules counted in months.</summary>
    public int? Months { get; set; }
}

/// <summary>
/// The dated benefit figures, bound from configuration (<c>Benefits</c> section; an example is in
/// <c>benefits.example.json</c> next to this file). The figure in force for a month is the latest of its rule whose
/// EffectiveFrom is not after the first day of the month.
/// </summary>
public sealed class BenefitTable
{
    /// <summary>The rules every table must have figures for; the others are needed only by the regimes that use them.</summary>
    public static IReadOnlyList<BenefitRule> RequiredRules { get; } =
    [
        BenefitRule.NormSingle,
        BenefitRule.NormCouple,
        BenefitRule.StatutoryDisregardPercent,
        BenefitRule.StatutoryDisregardCap,
        BenefitRule.StatutoryDisregardMonths,
    ];

    public List<BenefitFigure> Entries { get; set; } = [];

    /// <summary>The unit a rule's figure is counted in.</summary>
    public static FigureUnit UnitOf(BenefitRule rule) => rule switch
    {
        BenefitRule.StatutoryDisregardPercent or BenefitRule.ExperimentalDisregardPercent or BenefitRule.BasicBenefitPercent => FigureUnit.Percent,
        BenefitRule.StatutoryDisregardMonths => FigureUnit.Months,
        _ => FigureUnit.Cents,
    };

    /// <summary>The figure of <paramref name="rule"/> in force on <paramref name="day"/>, or null when there is none yet.</summary>
    public BenefitFigure? FigureOn(BenefitRule rule, DateOnly day) =>
        Entries.Where(e => e.Rule == rule && e.EffectiveFrom <= day).MaxBy(e => e.EffectiveFrom);

    /// <summary>The figure of <paramref name="rule"/> in force on <paramref name="day"/>.</summary>
    /// <exception cref="InvalidOperationException">No figure is in force: a configuration error.</exception>
    public BenefitFigure Require(BenefitRule rule, DateOnly day) =>
        FigureOn(rule, day)
        ?? throw new InvalidOperationException($"No figure for {rule} is in force on {day:yyyy-MM-dd}; configure Benefits:Entries.");

    /// <summary>
    /// The figures beyond <see cref="RequiredRules"/> that a regime setting these settings needs: the experimental
    /// disregard, the bonuses it allows, the opt-in basic benefit.
    /// </summary>
    public static IEnumerable<BenefitRule> RulesNeededBy(RegimeOverrides settings)
    {
        if (settings.EarningsDisregard == EarningsDisregardKind.Experimental)
        {
            yield return BenefitRule.ExperimentalDisregardPercent;
            yield return BenefitRule.ExperimentalDisregardCap;
        }

        if (settings.JobFoundBonus == true)
        {
            yield return BenefitRule.JobFoundBonusPerYear;
        }

        if (settings.GroupSupportBonus == true)
        {
            yield return BenefitRule.GroupSupportBonusPerMonth;
        }

        if (settings.BenefitLevel == BenefitLevel.OptInBasic)
        {
            yield return BenefitRule.BasicBenefitPercent;
        }
    }

    /// <summary>The figures a regime setting <paramref name="settings"/> needs that are not in force on <paramref name="day"/>.</summary>
    public IReadOnlyList<BenefitRule> MissingFor(RegimeOverrides settings, DateOnly day) =>
        [.. RulesNeededBy(settings).Where(rule => FigureOn(rule, day) is null)];

    /// <summary>Problems with the configuration, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        if (Entries.Count == 0)
        {
            yield return "Benefits:Entries must hold at least one figure";
        }

        for (var i = 0; i < Entries.Count; i++)
        {
            foreach (var problem in Problems(Entries[i], $"Benefits:Entries:{i}"))
            {
                yield return problem;
            }
        }

        foreach (var duplicate in Entries.GroupBy(e => (e.Rule, e.EffectiveFrom)).Where(g => g.Count() > 1))
        {
            yield return $"Benefits:Entries has two figures for {duplicate.Key.Rule} in force from {duplicate.Key.EffectiveFrom:yyyy-MM-dd}";
        }

        foreach (var rule in RequiredRules.Where(r => Entries.TrueForAll(e => e.Rule != r)))
        {
            yield return $"Benefits:Entries has no figure for {rule}";
        }
    }

    private static IEnumerable<string> Problems(BenefitFigure figure, string path)
    {
        if (!Enum.IsDefined(figure.Rule) || figure.Rule == BenefitRule.Unspecified)
        {
            yield return $"{path}:Rule must be one of {string.Join(", ", Enum.GetNames<BenefitRule>().Skip(1))}";
            yield break;
        }

        if (figure.EffectiveFrom == default)
        {
            yield return $"{path}:EffectiveFrom is required (yyyy-MM-dd)";
        }
        else if (figure.EffectiveFrom.Day != 1)
        {
            yield return $"{path}:EffectiveFrom must be the first day of a month: statements are monthly";
        }

        var unit = UnitOf(figure.Rule);
        (FigureUnit Unit, bool Set)[] values = [(FigureUnit.Cents, figure.Cents is not null), (FigureUnit.Percent, figure.Percent is not null), (FigureUnit.Months, figure.Months is not null)];
        foreach (var (other, set) in values)
        {
            if (other == unit && !set)
            {
                yield return $"{path}:{other} is required for {figure.Rule}";
            }
            else if (other != unit && set)
            {
                yield return $"{path}:{other} does not apply to {figure.Rule}, which is counted in {unit}";
            }
        }

        if (figure.Cents is < 0)
        {
            yield return $"{path}:Cents must not be negative";
        }

        if (figure.Percent is < 0 or > 100)
        {
            yield return $"{path}:Percent must be between 0 and 100";
        }

        if (figure.Months is < 1 or > 120)
        {
            yield return $"{path}:Months must be between 1 and 120";
        }
    }
}
