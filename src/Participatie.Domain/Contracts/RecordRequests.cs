using Participatie.Domain.Validation;

namespace Participatie.Domain.Contracts;

// Requests for changes of the person's record as the domain reads them once checked; fields are named by the members
// (nameof), as in ContractRequests.cs. Each Check returns null when any violation was found.

/// <summary>A well-being check-in: 0 (very bad) to 10 (very good), with an optional note (null when none was given).</summary>
public sealed record RecordWellBeing(int Score, string? Note, string? RequestId)
{
    public static RecordWellBeing? Check(Violations violations, int score, string? note, string? requestId)
    {
        violations.Range(nameof(Score), score, RecordRules.MinWellBeing, RecordRules.MaxWellBeing);
        var text = violations.Words(nameof(Note), note, RecordRules.MaxWellBeingNoteLength, required: false);
        var key = ContractRules.RequestId(violations, nameof(RequestId), requestId);
        return violations.Any ? null : new(score, text, key);
    }
}

/// <summary>An entry of the contact journal: how and when the person was (or was not) reached, and a note.</summary>
public sealed record AddJournalEntry(ContactType Type, DateOnly ContactedOn, string Note, string? RequestId)
{
    public static AddJournalEntry? Check(Violations violations, ContactType type, string? contactedOn, string? note, string? requestId, DateOnly today)
    {
        violations.Defined(nameof(Type), type);
        var on = RecordRules.ContactDate(violations, nameof(ContactedOn), contactedOn, today);
        var text = violations.Words(nameof(Note), note, RecordRules.MaxJournalNoteLength);
        var key = ContractRules.RequestId(violations, nameof(RequestId), requestId);
        return violations.Any ? null : new(type, on!.Value, text!, key);
    }
}

/// <summary>Outflow to work: hours a week from the first day of work.</summary>
public sealed record ReportOutflow(int HoursPerWeek, DateOnly StartOn)
{
    public static ReportOutflow? Check(Violations violations, int hoursPerWeek, string? startOn, DateOnly today)
    {
        violations.Range(nameof(HoursPerWeek), hoursPerWeek, 1, RecordRules.MaxHoursPerWeek);
        var start = RecordRules.StartDate(violations, nameof(StartOn), startOn, today);
        return violations.Any ? null : new(hoursPerWeek, start!.Value);
    }
}
