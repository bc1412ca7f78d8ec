using System.Globalization;

namespace Participatie.Domain.Validation;

/// <summary>Dates and moments as the public contract writes them: ISO calendar dates and ISO-8601 UTC timestamps.</summary>
public static class DateRules
{
    /// <summary>Checks an ISO date field (yyyy-MM-dd); returns it, or null when absent (a violation if required) or malformed.</summary>
    public static DateOnly? Date(this Violations violations, string field, string? text, bool required = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                violations.Add(field, "is required, as an ISO date (e.g. 2026-01-31)");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(field, "must be an ISO date, e.g. 2026-01-31");
            return null;
        }

        return date;
    }

    /// <summary>Checks a required ISO-8601 timestamp with an offset (e.g. 2026-11-02T10:15:00Z) that is not after <paramref name="now"/>.</summary>
    public static DateTimeOffset? Moment(this Violations violations, string field, string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text))
        {
            violations.Add(field, "is required, as an ISO-8601 timestamp (e.g. 2026-11-02T10:15:00Z)");
            return null;
        }

        if (!HasTimeZone(text) || text.Length < 20 || text[10] != 'T'
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            violations.Add(field, "must be an ISO-8601 timestamp with a time zone, e.g. 2026-11-02T10:15:00Z");
            return null;
        }

        if (moment > now)
        {
            violations.Add(field, "must not be in the future");
            return null;
        }

        return moment;
    }

    /// <summary>Ends in Z or in an offset such as +01:00.</summary>
    private static bool HasTimeZone(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
