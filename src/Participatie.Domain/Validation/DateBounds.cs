using System.Globalization;
using Participatie.Domain.Benefits;

namespace Participatie.Domain.Validation;

/// <summary>
/// The dates the domain allows (configuration section <c>Dates</c>): nothing before the platform's first supported
/// month (the benefit table has no figures before it), nothing planned beyond a horizon, and a person's facts (income
/// forms, statements, measures, trajectories) not before their case began. A case begins when the person is
/// registered; assistance applies from the day of the application and a decision may take eight weeks, so facts may go
/// back <see cref="BackdatingMonths"/> months before the month of registration — and always to a month that was paid.
/// A date outside the bounds is a field violation that states the bound.
/// </summary>
public sealed class DateBounds
{
    public const string Section = "Dates";

    /// <summary>The platform's first supported month, <c>yyyy-MM</c>; not before the benefit table's first figures.</summary>
    public string FirstMonth { get; set; } = "2024-01";

    /// <summary>How many months after today a planned date (a trajectory, a trial, an experiment) may lie at most.</summary>
    public int HorizonMonths { get; set; } = 60;

    /// <summary>How many months before the month the person's case began their facts may go back.</summary>
    public int BackdatingMonths { get; set; } = 3;

    /// <summary>The first day of <see cref="FirstMonth"/>.</summary>
    public DateOnly FirstDay => Months.Parse(FirstMonth) ?? throw new InvalidOperationException($"{Section}:FirstMonth is not a month as yyyy-MM");

    /// <summary>The last day a date may be, <see cref="HorizonMonths"/> after <paramref name="today"/>.</summary>
    public DateOnly LastDay(DateOnly today) => today.AddMonths(HorizonMonths);

    /// <summary>
    /// The first day a fact of a person may have: <see cref="BackdatingMonths"/> before the month their case began, or
    /// the first month paid to them if that is earlier, and never before <see cref="FirstDay"/>.
    /// </summary>
    public DateOnly CaseFirstDay(DateOnly caseStart, DateOnly? firstPaidMonth = null)
    {
        var first = Months.Of(caseStart).AddMonths(-BackdatingMonths);
        if (firstPaidMonth < first)
        {
            first = firstPaidMonth.Value;
        }

        return first < FirstDay ? FirstDay : first;
    }

    /// <summary>A day on the platform's calendar: from <see cref="FirstDay"/> up to the horizon. Null (with a violation) outside.</summary>
    public DateOnly? Day(Violations violations, string field, DateOnly? day, DateOnly today)
    {
        if (day is null)
        {
            return null;
        }

        if (day < FirstDay)
        {
            violations.Add(field, $"must be on or after {Iso(FirstDay)} (the platform's first supported month, {Section}:FirstMonth)");
            return null;
        }

        if (day > LastDay(today))
        {
            violations.Add(field, $"must be on or before {Iso(LastDay(today))} (at most {HorizonMonths} months ahead, {Section}:HorizonMonths)");
            return null;
        }

        return day;
    }

    /// <summary>A day of a person's case: as <see cref="Day"/>, and not before <see cref="CaseFirstDay"/>.</summary>
    public DateOnly? CaseDay(Violations violations, string field, DateOnly? day, DateOnly today, DateOnly caseStart, DateOnly? firstPaidMonth = null)
    {
        var first = CaseFirstDay(caseStart, firstPaidMonth);
        if (day < first && first > FirstDay)
        {
            violations.Add(field, $"must be on or after {Iso(first)} ({CaseReason(caseStart)})");
            return null;
        }

        return Day(violations, field, day, today);
    }

    /// <summary>A month (its first day) on the platform's calendar: from <see cref="FirstMonth"/> up to the horizon.</summary>
    public DateOnly? Month(Violations violations, string field, DateOnly? month, DateOnly today)
    {
        if (month is null)
        {
            return null;
        }

        if (month < FirstDay)
        {
            violations.Add(field, $"must be {Months.Format(FirstDay)} or later (the platform's first supported month, {Section}:FirstMonth)");
            return null;
        }

        if (month > LastDay(today))
        {
            violations.Add(field, $"must be {Months.Format(Months.Of(LastDay(today)))} or earlier (at most {HorizonMonths} months ahead, {Section}:HorizonMonths)");
            return null;
        }

        return month;
    }

    /// <summary>A month of a person's case: as <see cref="Month"/>, and not before the month of <see cref="CaseFirstDay"/>.</summary>
    public DateOnly? CaseMonth(Violations violations, string field, DateOnly? month, DateOnly today, DateOnly caseStart, DateOnly? firstPaidMonth = null)
    {
        var first = CaseFirstDay(caseStart, firstPaidMonth);
        if (month < first && first > FirstDay)
        {
            violations.Add(field, $"must be {Months.Format(first)} or later ({CaseReason(caseStart)})");
            return null;
        }

        return Month(violations, field, month, today);
    }

    public IEnumerable<string> Problems(BenefitTable? benefits = null)
    {
        if (Months.Parse(FirstMonth) is not { } first)
        {
            yield return $"{Section}:FirstMonth must be a month as yyyy-MM, e.g. 2024-01";
        }
        else if (benefits?.Entries.Count > 0 && first < Months.Of(benefits.Entries.Min(e => e.EffectiveFrom)))
        {
            yield return $"{Section}:FirstMonth must not be before the benefit table's first figures ({Months.Format(Months.Of(benefits.Entries.Min(e => e.EffectiveFrom)))}, Benefits:Entries): statements before it cannot be computed";
        }

        if (HorizonMonths is < 1 or > 1200)
        {
            yield return $"{Section}:HorizonMonths must be between 1 and 1200";
        }

        if (BackdatingMonths is < 0 or > 120)
        {
            yield return $"{Section}:BackdatingMonths must be between 0 and 120";
        }
    }

    private string CaseReason(DateOnly caseStart) =>
        $"the person's case began on {Iso(caseStart)}; facts go back at most {BackdatingMonths} months before that month, {Section}:BackdatingMonths";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
