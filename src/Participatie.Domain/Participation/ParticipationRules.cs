using Participatie.Domain.Validation;

namespace Participatie.Domain.Participation;

/// <summary>An activity as its partner describes it.</summary>
public sealed record ActivityDetails(
    string Title,
    ActivityType Type,
    string NeighbourhoodId,
    int Capacity,
    string Schedule,
    string Contact);

/// <summary>The rules for activities and attendance hours.</summary>
public static class ParticipationRules
{
    public const int MaxTitleLength = 100;
    public const int MaxScheduleLength = 500;
    public const int MaxContactLength = 200;
    public const int MaxCapacity = 10_000;
    public const int MinutesPerQuarter = 15;

    /// <summary>Checks an activity's details; returns them trimmed, or null with the violations collected under <paramref name="prefix"/>.</summary>
    public static ActivityDetails? Validate(Violations violations, ActivityDetails details, string prefix)
    {
        var before = violations.Items.Count;
        var title = violations.Text(prefix + nameof(details.Title), details.Title, MaxTitleLength);
        if (title is not null && !TextRules.IsSingleLine(title))
        {
            violations.Add(prefix + nameof(details.Title), "must be a single line");
        }

        violations.Defined(prefix + nameof(details.Type), details.Type);
        var neighbourhood = violations.Id(prefix + nameof(details.NeighbourhoodId), details.NeighbourhoodId, IdKind.Neighbourhood);
        violations.Range(prefix + nameof(details.Capacity), details.Capacity, 1, MaxCapacity);
        var schedule = violations.Text(prefix + nameof(details.Schedule), details.Schedule, MaxScheduleLength);
        var contact = violations.Text(prefix + nameof(details.Contact), details.Contact, MaxContactLength);
        return violations.Items.Count > before
            ? null
            : new ActivityDetails(title!, details.Type, neighbourhood!, details.Capacity, schedule!, contact!);
    }

    /// <summary>
    /// Checks a day's attendance: a day not after <paramref name="today"/> (Amsterdam) nor before the platform's first
    /// supported month (<paramref name="bounds"/>), and hours from 0 (a correction to
    /// nothing) to the configured maximum, in quarter hours. Returns the minutes, or null with violations.
    /// </summary>
    public static (DateOnly Day, int Minutes)? Attendance(Violations violations, string? date, double hours, DateOnly today, ParticipationPolicy policy, DateBounds bounds)
    {
        var day = violations.Date("date", date);
        if (day is not null && day > today)
        {
            violations.Add("date", $"must not be in the future (today is {today:yyyy-MM-dd} in the Netherlands)");
            day = null;
        }

        day = bounds.Day(violations, "date", day, today);

        if (double.IsNaN(hours) || hours < 0 || hours > policy.MaxHoursPerDay)
        {
            violations.Add("hours", $"must be between 0 and {policy.MaxHoursPerDay} hours a day (Participation:MaxHoursPerDay)");
            return null;
        }

        if (!IsQuarterHours(hours))
        {
            violations.Add("hours", "must be in quarter hours, e.g. 2.5 or 2.75");
            return null;
        }

        return day is null ? null : (day.Value, (int)Math.Round(hours * 60));
    }

    public static bool IsQuarterHours(double hours) => double.IsFinite(hours) && Math.Abs((hours * 4) - Math.Round(hours * 4)) < 1e-9;
}
