namespace Participatie.Domain.Benefits;

/// <summary>The names of statement lines: which rule produced the amount.</summary>
public static class StatementRules
{
    public const string Norm = "norm";
    public const string CostSharerNorm = "cost_sharer_norm";
    public const string BasicBenefit = "basic_benefit";
    public const string Earnings = "earnings";
    public const string StatutoryDisregard = "statutory_disregard";
    public const string ExperimentalDisregard = "experimental_disregard";
    public const string Sanction = "sanction";
    public const string FloorAtZero = "floor_at_zero";
    public const string JobFoundBonus = "job_found_bonus";
    public const string GroupSupportBonus = "group_support_bonus";
}

/// <summary>A figure a line used: its rule and the date from which that figure is in force.</summary>
public sealed record FigureReference(BenefitRule Rule, DateOnly EffectiveFrom)
{
    public static FigureReference Of(BenefitFigure figure) => new(figure.Rule, figure.EffectiveFrom);
}

/// <summary>One line of a statement.</summary>
/// <param name="Rule">The rule that produced it, one of <see cref="StatementRules"/>.</param>
/// <param name="Explanation">How the amount was reached, in words and figures.</param>
/// <param name="AmountCents">Positive adds to the benefit, negative takes from it.</param>
/// <param name="Figures">The dated figures used; empty for a fact such as earnings.</param>
public sealed record StatementLine(string Rule, string Explanation, long AmountCents, IReadOnlyList<FigureReference> Figures);

/// <summary>
/// A month's benefit as lines that add up to the total. The total is never below zero: when deductions exceed the
/// benefit, a <see cref="StatementRules.FloorAtZero"/> line brings it back to zero (bonuses are paid on top).
/// </summary>
/// <param name="Month">The month (its first day).</param>
/// <param name="Lines">The lines, in the order they were applied.</param>
/// <param name="Notes">Rules that did not apply this month, and why (e.g. a measure a regime excludes).</param>
public sealed record BenefitStatement(DateOnly Month, IReadOnlyList<StatementLine> Lines, IReadOnlyList<string> Notes)
{
    /// <summary>The amount to pay, in cents: the sum of the lines.</summary>
    public long TotalCents => Lines.Sum(l => l.AmountCents);
}
