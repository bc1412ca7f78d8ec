using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>
/// The days and months a fact of one person may name: the platform's bounds (<see cref="DateBounds"/>), the person's
/// case (from <see cref="DateBounds.BackdatingMonths"/> before the month it began, or the first month paid to them),
/// and, for months of the benefit, not beyond the month after <see cref="Today"/> — the latest month that may be
/// reported or paid.
/// </summary>
/// <param name="Bounds">The configured bounds.</param>
/// <param name="Today">The calendar day in the Netherlands.</param>
/// <param name="CaseStart">The day the person's case began (their registration).</param>
/// <param name="FirstPaidMonth">The first month paid to the person, if any.</param>
public sealed record CaseCalendar(DateBounds Bounds, DateOnly Today, DateOnly CaseStart, DateOnly? FirstPaidMonth)
{
    /// <summary>The first day of the month after today's: the latest month that may be reported or paid.</summary>
    public DateOnly NextMonth => Months.Of(Today).AddMonths(1);

    /// <summary>The first day a fact of the person may name.</summary>
    public DateOnly FirstDay => Bounds.CaseFirstDay(CaseStart, FirstPaidMonth);

    /// <summary>A month of the benefit: <c>yyyy-MM</c>, within the case, and not more than one month ahead. Null with a violation otherwise.</summary>
    public DateOnly? Month(Violations violations, string field, string? text)
    {
        var month = Bounds.CaseMonth(violations, field, violations.Month(field, text), Today, CaseStart, FirstPaidMonth);
        if (month > NextMonth)
        {
            violations.Add(field, "must not be more than one month ahead");
            return null;
        }

        return month;
    }

    /// <summary>A day of the case: within the case and the platform's horizon.</summary>
    public DateOnly? CaseDay(Violations violations, string field, DateOnly? day) =>
        Bounds.CaseDay(violations, field, day, Today, CaseStart, FirstPaidMonth);

    /// <summary>A day on the platform's calendar (it may lie before the case, e.g. the end of a trajectory).</summary>
    public DateOnly? Day(Violations violations, string field, DateOnly? day) => Bounds.Day(violations, field, day, Today);
}
