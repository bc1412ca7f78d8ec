using Participatie.Domain.Validation;

namespace Participatie.Domain.Contracts;

/// <summary>
/// The rest of the person's record that coaches and teams keep up with: well-being check-ins (0-10), the contact journal,
/// and outflow to work. Monthly earnings come from the income form (<c>ReportEarnings</c>) and are not kept twice.
/// </summary>
public static class RecordRules
{
    public const int MinWellBeing = 0;
    public const int MaxWellBeing = 10;
    public const int MaxWellBeingCheckIns = 1000;
    public const int MaxWellBeingNoteLength = 280;
    public const int MaxJournalEntries = 1000;
    public const int MaxJournalNoteLength = 1000;
    public const int MaxOutflows = 50;
    public const int MaxHoursPerWeek = 168;

    /// <summary>How far back a journal entry may be dated (a contact written up late).</summary>
    public const int MaxJournalDaysBack = 366;

    /// <summary>How far ahead a start date of work may lie (a contract signed for next month).</summary>
    public const int MaxOutflowDaysAhead = 366;

    /// <summary>Who may record what: well-being and outflow the person or their coach; the journal the coach or the team.</summary>
    public static bool MayRecordWellBeing(Party party) => party is Party.Person or Party.Coach;

    public static bool MayWriteJournal(Party party) => party is Party.Coach or Party.Team;

    public static bool MayReportOutflow(Party party) => party is Party.Person or Party.Coach;

    /// <summary>Contacts with the person count for follow-up; an attempt that did not reach them or a case note does not.</summary>
    public static bool CountsAsContact(ContactType type) => type is ContactType.HomeVisit or ContactType.Phone or ContactType.Video or ContactType.Message or ContactType.Meeting;

    /// <summary>The date of a contact: required, not in the future, at most a year back.</summary>
    public static DateOnly? ContactDate(Violations violations, string field, string? text, DateOnly today)
    {
        var date = violations.Date(field, text);
        if (date > today || date < today.AddDays(-MaxJournalDaysBack))
        {
            violations.Add(field, $"must not be in the future nor more than {MaxJournalDaysBack} days ago");
            return null;
        }

        return date;
    }

    /// <summary>The first day of work: required, at most a year back (reported late) or a year ahead (a signed contract).</summary>
    public static DateOnly? StartDate(Violations violations, string field, string? text, DateOnly today)
    {
        var date = violations.Date(field, text);
        if (date > today.AddDays(MaxOutflowDaysAhead) || date < today.AddDays(-MaxOutflowDaysAhead))
        {
            violations.Add(field, $"must lie within {MaxOutflowDaysAhead} days before or after today");
            return null;
        }

        return date;
    }

    /// <summary>The latest contact date after a new entry: only entries that count as contact move it, and never back.</summary>
    public static DateOnly? LastContact(DateOnly? last, ContactType type, DateOnly on) =>
        CountsAsContact(type) && (last is null || on > last) ? on : last;
}
