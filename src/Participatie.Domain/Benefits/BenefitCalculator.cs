using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>
/// Calculates a month's benefit from the person's facts, their effective regime and the dated figures. In order:
/// <list type="number">
/// <item>The norm: single (also for single parents) or couple; with more adults of 27+ in the home than the household's
/// own, the cost-sharer norm per person, (40 + 30·A) / (100·A) × the couple norm, rounded to the cent (halves up), times
/// two for a couple.</item>
/// <item>The opt-in basic benefit, if the regime sets it and the person's consent was recorded on or before the first
/// day of the month: the norm is lowered to <see cref="BenefitRule.BasicBenefitPercent"/> of it. Without consent the
/// norm is paid and a note says why.</item>
/// <item>Net earnings are deducted.</item>
/// <item>The earnings disregard: statutory (25% of earnings up to the monthly cap, for six consecutive months from the
/// first month with a disregard, from age 27); or experimental (50% up to its cap, for as long as the experiment's layer
/// is in force) — but never less than the statutory disregard would be that month, so no one is worse off.</item>
/// <item>Measures (sanctions), as a percentage of the norm (of the basic benefit where that applies), only where the
/// regime allows them.</item>
/// <item>The benefit never goes below zero.</item>
/// <item>Bonuses on top, where the regime allows them: a twelfth of the yearly job-found bonus in a month of full-time
/// work (over 27 hours a week), and the group-support bonus in a month of taking part.</item>
/// </list>
/// Percentages are rounded to the nearest cent, halves away from zero.
/// </summary>
public static class BenefitCalculator
{
    /// <summary>The statutory disregard applies from this age (on the first day of the month).</summary>
    public const int StatutoryDisregardMinimumAge = 27;

    /// <summary>More hours a week than this is full-time work, as the trust experiments measured it.</summary>
    public const int FullTimeHoursPerWeek = 27;

    /// <summary>The statement for <paramref name="month"/> (its first day).</summary>
    /// <exception cref="ArgumentException">The month is not a first day, or the facts are invalid.</exception>
    /// <exception cref="InvalidOperationException">A figure the calculation needs is not configured for the month.</exception>
    public static BenefitStatement Calculate(BenefitFacts facts, Regime regime, BenefitTable table, DateOnly month)
    {
        if (month.Day != 1)
        {
            throw new ArgumentException("The month must be given as its first day.", nameof(month));
        }

        var violations = new Violations();
        if (!BenefitFactsRules.Validate(violations, facts))
        {
            throw new ArgumentException(
                "Invalid benefit facts: " + violations.Describe(), nameof(facts));
        }

        var lines = new List<StatementLine>();
        var notes = new List<string>();

        var norm = Norm(facts, table, month);
        lines.Add(norm);
        var entitlement = norm.AmountCents;
        if (regime.BenefitLevel == BenefitLevel.OptInBasic)
        {
            if (facts.BasicBenefitConsent is { } consent && consent <= month)
            {
                var percent = table.Require(BenefitRule.BasicBenefitPercent, month);
                var basic = Money.PercentOf(entitlement, percent.Percent!.Value);
                lines.Add(new StatementLine(
                    StatementRules.BasicBenefit,
                    $"opt-in basic benefit: {Money.Percent(percent.Percent.Value)} of the norm {Money.Euro(entitlement)} = {Money.Euro(basic)}, chosen with consent recorded on {consent:yyyy-MM-dd}",
                    basic - entitlement,
                    [FigureReference.Of(percent)]));
                entitlement = basic;
            }
            else
            {
                notes.Add("the opt-in basic benefit does not apply: no consent was recorded before this month, so the norm is paid");
            }
        }

        if (facts.EarningsCents > 0)
        {
            lines.Add(new StatementLine(StatementRules.Earnings, "net earnings from work", -facts.EarningsCents, []));
            if (Disregard(facts, regime, table, month, notes) is { } disregard)
            {
                lines.Add(disregard);
            }
        }

        foreach (var sanction in facts.Sanctions)
        {
            var percent = sanction.PercentIn(month);
            if (percent == 0)
            {
                continue;
            }

            if (!regime.SanctionsAllowed)
            {
                notes.Add($"measure {sanction.Reference} is not applied: this regime excludes sanctions");
                continue;
            }

            var month1 = CalendarMonths.Index(sanction.FirstMonth, month) + 1;
            var of = sanction.SpreadOverThreeMonths ? Sanction.MaxMonths : sanction.Months;
            lines.Add(new StatementLine(
                StatementRules.Sanction,
                $"measure {sanction.Reference}: {percent}% of {Money.Euro(entitlement)} (month {month1} of {of}{(sanction.SpreadOverThreeMonths ? ", spread" : string.Empty)})",
                -Money.PercentOf(entitlement, percent),
                norm.Figures));
        }

        var subtotal = lines.Sum(l => l.AmountCents);
        if (subtotal < 0)
        {
            lines.Add(new StatementLine(StatementRules.FloorAtZero, "the benefit never goes below zero", -subtotal, []));
        }

        if (regime.JobFoundBonus && facts.WorkHoursPerWeek > FullTimeHoursPerWeek)
        {
            var yearly = table.Require(BenefitRule.JobFoundBonusPerYear, month);
            lines.Add(new StatementLine(
                StatementRules.JobFoundBonus,
                $"a twelfth of the yearly job-found bonus of {Money.Euro(yearly.Cents!.Value)} for working over {FullTimeHoursPerWeek} hours a week",
                Money.Twelfth(yearly.Cents.Value),
                [FigureReference.Of(yearly)]));
        }

        if (regime.GroupSupportBonus && facts.InGroupSupport)
        {
            var bonus = table.Require(BenefitRule.GroupSupportBonusPerMonth, month);
            lines.Add(new StatementLine(StatementRules.GroupSupportBonus, "bonus for taking part in group support", bonus.Cents!.Value, [FigureReference.Of(bonus)]));
        }

        return new BenefitStatement(month, lines, notes);
    }

    private static StatementLine Norm(BenefitFacts facts, BenefitTable table, DateOnly month)
    {
        var own = facts.Household == HouseholdType.Couple ? 2 : 1;
        if (facts.AdultsInHome <= own)
        {
            var couple = facts.Household == HouseholdType.Couple;
            var figure = table.Require(couple ? BenefitRule.NormCouple : BenefitRule.NormSingle, month);
            var who = couple ? "couple" : facts.Household == HouseholdType.SingleParent ? "single (also for a single parent)" : "single";
            return new StatementLine(StatementRules.Norm, $"{who} norm including holiday allowance", figure.Cents!.Value, [FigureReference.Of(figure)]);
        }

        var coupleNorm = table.Require(BenefitRule.NormCouple, month);
        var adults = facts.AdultsInHome;
        var perPerson = Money.CostSharerNorm(coupleNorm.Cents!.Value, adults);
        return new StatementLine(
            StatementRules.CostSharerNorm,
            $"cost-sharer norm for {adults} adults of 27 or over in the home: (40 + 30·{adults}) / (100·{adults}) × the couple norm {Money.Euro(coupleNorm.Cents.Value)} = {Money.Euro(perPerson)} per person"
                + (own == 2 ? ", for both partners" : string.Empty),
            perPerson * own,
            [FigureReference.Of(coupleNorm)]);
    }

    private static StatementLine? Disregard(BenefitFacts facts, Regime regime, BenefitTable table, DateOnly month, List<string> notes)
    {
        var statutory = Statutory(facts, table, month, out var notStatutory);
        if (regime.EarningsDisregard != EarningsDisregardKind.Experimental)
        {
            if (notStatutory is not null)
            {
                notes.Add(notStatutory);
            }

            return statutory;
        }

        var percent = table.Require(BenefitRule.ExperimentalDisregardPercent, month);
        var cap = table.Require(BenefitRule.ExperimentalDisregardCap, month);
        var experimental = Capped(StatementRules.ExperimentalDisregard, facts.EarningsCents, percent, cap, string.Empty);
        if (statutory is not null && statutory.AmountCents > experimental.AmountCents)
        {
            notes.Add(
                $"the statutory disregard ({Money.Euro(statutory.AmountCents)}) is more than the experimental one ({Money.Euro(experimental.AmountCents)}) this month, "
                + "so it applies instead: no one is worse off");
            return statutory;
        }

        return experimental;
    }

    private static StatementLine? Statutory(BenefitFacts facts, BenefitTable table, DateOnly month, out string? notApplied)
    {
        notApplied = null;
        var age = Age.On(facts.DateOfBirth, month);
        if (age < StatutoryDisregardMinimumAge)
        {
            notApplied = $"the statutory earnings disregard applies from age {StatutoryDisregardMinimumAge}";
            return null;
        }

        var months = table.Require(BenefitRule.StatutoryDisregardMonths, month);
        var start = facts.StatutoryDisregardStart ?? month;
        var index = CalendarMonths.Index(start, month) + 1;
        if (index < 1)
        {
            notApplied = $"the statutory earnings disregard period starts in {start:yyyy-MM}";
            return null;
        }

        var limit = months.Months!.Value;
        if (index > limit)
        {
            notApplied = $"the statutory earnings disregard ran for {limit} consecutive months from {start:yyyy-MM} and has ended";
            return null;
        }

        var percent = table.Require(BenefitRule.StatutoryDisregardPercent, month);
        var cap = table.Require(BenefitRule.StatutoryDisregardCap, month);
        var line = Capped(StatementRules.StatutoryDisregard, facts.EarningsCents, percent, cap, $" (month {index} of {limit})");
        return line with { Figures = [.. line.Figures, FigureReference.Of(months)] };
    }

    private static StatementLine Capped(string rule, long earnings, BenefitFigure percent, BenefitFigure cap, string suffix)
    {
        var raw = Money.PercentOf(earnings, percent.Percent!.Value);
        var amount = Math.Min(raw, cap.Cents!.Value);
        var capped = raw > amount ? $", capped at {Money.Euro(amount)}" : string.Empty;
        return new StatementLine(
            rule,
            $"{Money.Percent(percent.Percent.Value)} of {Money.Euro(earnings)} = {Money.Euro(raw)}{capped}{suffix}",
            amount,
            [FigureReference.Of(percent), FigureReference.Of(cap)]);
    }
}
