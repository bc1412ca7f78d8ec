using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>
/// A measure (maatregel) for breaching work obligations: <see cref="Percent"/> of the norm withheld in each of
/// <see cref="Months"/> months from <see cref="FirstMonth"/>. When <see cref="SpreadOverThreeMonths"/> is set, the same
/// total (Percent × Months) is spread over three months with at least a third in the first: an even split in whole
/// percents, the remainder added to the first month (100% for one month becomes 34%, 33%, 33%). Other percentages than
/// 100 come from the municipal ordinance. Applied only in regimes that allow sanctions.
/// </summary>
/// <param name="Reference">The decision's reference, as the person's letter gives it.</param>
/// <param name="FirstMonth">The first month (its first day).</param>
/// <param name="Percent">Percent of the norm per month, 1–100.</param>
/// <param name="Months">One to three months.</param>
/// <param name="SpreadOverThreeMonths">Whether the total is spread over three months.</param>
public sealed record Sanction(string Reference, DateOnly FirstMonth, int Percent, int Months, bool SpreadOverThreeMonths = false)
{
    public const int MaxMonths = 3;

    /// <summary>The percent of the norm withheld in <paramref name="month"/> (its first day); 0 outside the measure.</summary>
    public int PercentIn(DateOnly month)
    {
        var index = CalendarMonths.Index(FirstMonth, month);
        if (!SpreadOverThreeMonths)
        {
            return index >= 0 && index < Months ? Percent : 0;
        }

        if (index is < 0 or >= MaxMonths)
        {
            return 0;
        }

        var total = Percent * Months;
        var even = total / MaxMonths;
        return index == 0 ? total - ((MaxMonths - 1) * even) : even;
    }
}

/// <summary>Counting calendar months.</summary>
internal static class CalendarMonths
{
    /// <summary>How many months <paramref name="month"/> lies after <paramref name="first"/>: 0 for the same month, negative before it.</summary>
    public static int Index(DateOnly first, DateOnly month) => ((month.Year - first.Year) * 12) + month.Month - first.Month;
}

/// <summary>The facts of one person and month that the benefit depends on.</summary>
/// <param name="Household">Single, single parent (gets the single norm) or couple.</param>
/// <param name="DateOfBirth">For the age rule of the statutory disregard.</param>
/// <param name="AdultsInHome">
/// A in the cost-sharer formula: how many people aged 27 or over share the home, the person and any partner included.
/// Above the household's own adults (one, or two for a couple) the cost-sharer norm applies.
/// </param>
/// <param name="EarningsCents">The household's net earnings from work in the month.</param>
public sealed record BenefitFacts(HouseholdType Household, DateOnly DateOfBirth, int AdultsInHome, long EarningsCents)
{
    /// <summary>The first month of the current statutory disregard period; null when it starts with this month's earnings.</summary>
    public DateOnly? StatutoryDisregardStart { get; init; }

    /// <summary>Hours of paid work a week; over 27 counts as full-time (for the job-found bonus).</summary>
    public int WorkHoursPerWeek { get; init; }

    /// <summary>Whether the person took part in group support this month.</summary>
    public bool InGroupSupport { get; init; }

    /// <summary>Measures decided against the person.</summary>
    public IReadOnlyList<Sanction> Sanctions { get; init; } = [];

    /// <summary>When the person's consent to the opt-in basic benefit was recorded; null when it was not.</summary>
    public DateOnly? BasicBenefitConsent { get; init; }
}

/// <summary>The rules benefit facts must meet.</summary>
public static class BenefitFactsRules
{
    public const int MaxAdultsInHome = 20;
    public const long MaxEarningsCents = 100_000_000;
    public const int MaxReferenceLength = 50;

    /// <summary>Checks every field; true when the facts are usable.</summary>
    public static bool Validate(Violations violations, BenefitFacts facts)
    {
        var before = violations.Items.Count;
        violations.Defined("household", facts.Household);
        violations.Range(nameof(facts.AdultsInHome), facts.AdultsInHome, 1, MaxAdultsInHome);
        if (facts.EarningsCents is < 0 or > MaxEarningsCents)
        {
            violations.Add(nameof(facts.EarningsCents), $"must be between 0 and {MaxEarningsCents}");
        }

        violations.Range(nameof(facts.WorkHoursPerWeek), facts.WorkHoursPerWeek, 0, 168);
        FirstOfMonth(violations, nameof(facts.StatutoryDisregardStart), facts.StatutoryDisregardStart);
        for (var i = 0; i < facts.Sanctions.Count; i++)
        {
            var sanction = facts.Sanctions[i];
            violations.Text($"{nameof(facts.Sanctions)}[{i}].{nameof(sanction.Reference)}", sanction.Reference, MaxReferenceLength);
            FirstOfMonth(violations, $"{nameof(facts.Sanctions)}[{i}].{nameof(sanction.FirstMonth)}", sanction.FirstMonth);
            violations.Range($"{nameof(facts.Sanctions)}[{i}].{nameof(sanction.Percent)}", sanction.Percent, 1, 100);
            violations.Range($"{nameof(facts.Sanctions)}[{i}].{nameof(sanction.Months)}", sanction.Months, 1, Sanction.MaxMonths);
        }

        return violations.Items.Count == before;
    }

    private static void FirstOfMonth(Violations violations, string field, DateOnly? day)
    {
        if (day is { Day: not 1 })
        {
            violations.Add(field, "must be the first day of a month");
        }
    }
}
