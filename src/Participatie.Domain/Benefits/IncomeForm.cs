using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>A month's income form: what the household earned and how it lived that month, as reported.</summary>
/// <param name="Month">The month (its first day).</param>
/// <param name="NetEarningsCents">The household's net earnings from work.</param>
/// <param name="WorkHoursPerWeek">Hours of paid work a week.</param>
/// <param name="AdultsInHome">Adults of 27+ in the home; 0 means only the household's own.</param>
/// <param name="GroupSupport">Whether the person took part in group support that month.</param>
/// <param name="ReportedBy">Who reported it.</param>
/// <param name="ReportedAt">When.</param>
public sealed record IncomeForm(DateOnly Month, long NetEarningsCents, int WorkHoursPerWeek, int AdultsInHome, bool GroupSupport, string ReportedBy, DateTimeOffset ReportedAt)
{
    public const int MaxHoursPerWeek = 168;

    /// <summary>Who reports or decides: a person's or staff member's name or id.</summary>
    public const int MaxActorLength = 100;

    /// <summary>
    /// Checks a reported form; returns it as recorded at <paramref name="now"/>, or null with the violations named by
    /// this record's members. The month is one of the case (<see cref="CaseCalendar.Month"/>).
    /// </summary>
    public static IncomeForm? Check(
        Violations violations, CaseCalendar calendar, string? month, long netEarningsCents, int workHoursPerWeek, int adultsInHome, bool groupSupport, string? reportedBy, DateTimeOffset now)
    {
        var first = calendar.Month(violations, nameof(Month), month);
        if (netEarningsCents is < 0 or > BenefitFactsRules.MaxEarningsCents)
        {
            violations.Add(nameof(NetEarningsCents), $"must be between 0 and {BenefitFactsRules.MaxEarningsCents}");
        }

        violations.Range(nameof(WorkHoursPerWeek), workHoursPerWeek, 0, MaxHoursPerWeek);
        violations.Range(nameof(AdultsInHome), adultsInHome, 0, BenefitFactsRules.MaxAdultsInHome);
        var by = violations.Text(nameof(ReportedBy), reportedBy, MaxActorLength);
        return first is null || by is null || violations.Any
            ? null
            : new IncomeForm(first.Value, netEarningsCents, workHoursPerWeek, adultsInHome, groupSupport, by, now);
    }

    /// <summary>
    /// The paid months this form reopens: its own and every later one, because the statutory disregard runs from the
    /// first month with earnings (a month without a difference gets no line when it is revised).
    /// </summary>
    public Reopening Reopens(IEnumerable<DateOnly> paidMonths, DateOnly reportedOn) => new(
        [.. paidMonths.Where(paid => paid >= Month).Distinct().Order()],
        $"income form of {Months.Format(Month)} reported on {reportedOn:yyyy-MM-dd} by {ReportedBy}");
}

/// <summary>Paid months that a later fact reopens, and why: each is revised by its month's next payment pass.</summary>
/// <param name="Months">The paid months, in order.</param>
/// <param name="Reason">Why, in words a payment line carries.</param>
public sealed record Reopening(IReadOnlyList<DateOnly> Months, string Reason)
{
    /// <summary>At most this many reasons are kept per reopened month; the revision names the first ones.</summary>
    public const int MaxReasons = 20;

    /// <summary>Adds the reason to a month's reasons unless it holds <see cref="MaxReasons"/> already; true when added.</summary>
    public bool AddTo(ICollection<string> reasons)
    {
        if (reasons.Count >= MaxReasons)
        {
            return false;
        }

        reasons.Add(Reason);
        return true;
    }
}
