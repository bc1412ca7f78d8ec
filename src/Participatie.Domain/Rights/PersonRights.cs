using Participatie.Domain.Validation;

namespace Participatie.Domain.Rights;

/// <summary>The end of a person's case, as checked: the field names are its members'.</summary>
public sealed record EndOfCase(DateOnly EndedOn, string Reason)
{
    public const int MaxReasonLength = 500;

    /// <summary>Checks an end: a reason, a day not in the future and not before the registration.</summary>
    public static EndOfCase? Check(Violations violations, DateOnly endedOn, string? reason, DateOnly today, DateOnly registeredOn)
    {
        var why = violations.Text(nameof(Reason), reason, MaxReasonLength);
        if (endedOn > today)
        {
            violations.Add(nameof(EndedOn), "must not be in the future");
        }
        else if (endedOn < registeredOn)
        {
            violations.Add(nameof(EndedOn), "must not be before the registration");
        }

        return violations.Any ? null : new EndOfCase(endedOn, why!);
    }
}

/// <summary>A legal hold: while it holds, the record is kept past its retention period. Its reason names the legal ground.</summary>
public sealed record LegalHold(bool Hold, string? Reason)
{
    public const int MinReasonLength = 10;

    /// <summary>Checks a hold (a reason of at least <see cref="MinReasonLength"/> characters) or its lifting (no reason kept).</summary>
    public static LegalHold? Check(Violations violations, bool hold, string? reason)
    {
        var why = hold ? violations.Text(nameof(Reason), reason, EndOfCase.MaxReasonLength) : null;
        if (hold && why is { Length: < MinReasonLength })
        {
            violations.Add(nameof(Reason), $"must name the legal ground in at least {MinReasonLength} characters");
        }

        return violations.Any ? null : new LegalHold(hold, why);
    }
}

/// <summary>
/// How long a record is kept after the case ends (<see cref="AfterCaseEnd"/>, ten years by default), after which it is
/// anonymised unless a legal hold keeps it. The check is due at midnight UTC of the end day plus the period; the day
/// the person is told is that moment rounded up to whole days.
/// </summary>
public sealed record Retention(TimeSpan AfterCaseEnd)
{
    /// <summary>The shortest wait before a check: a due date in the past is checked right away, not never.</summary>
    public static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);

    /// <summary>The day the record is anonymised, as the person is told when the case ends.</summary>
    public DateOnly AnonymiseOn(DateOnly endedOn) => endedOn.AddDays((int)Math.Ceiling(AfterCaseEnd.TotalDays));

    /// <summary>The moment the retention period is over.</summary>
    public DateTimeOffset DueAt(DateOnly endedOn) => new DateTimeOffset(endedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + AfterCaseEnd;

    /// <summary>How long to wait from <paramref name="now"/> before the first check.</summary>
    public TimeSpan WaitFrom(DateOnly endedOn, DateTimeOffset now)
    {
        var wait = DueAt(endedOn) - now;
        return wait > ShortestWait ? wait : ShortestWait;
    }

    /// <summary>Whether the record is to be anonymised now: its period is over and no legal hold keeps it.</summary>
    public bool IsDue(DateOnly endedOn, bool legalHold, DateTimeOffset now) => !legalHold && now >= DueAt(endedOn);
}
