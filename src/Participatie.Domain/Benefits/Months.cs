using System.Globalization;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>
/// Calendar months as the public contract writes them (<c>2026-01</c>) and as the rules use them (the first day of
/// the month).
/// </summary>
public static class Months
{
    /// <summary>The first day of the month <paramref name="text"/> names (<c>yyyy-MM</c>); null when it names none.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>E.g. <c>2026-01</c>.</summary>
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first day of the month <paramref name="day"/> falls in.</summary>
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Checks a required month field; returns its first day, or null (and a violation) when it is absent or malformed.</summary>
    public static DateOnly? Month(this Violations violations, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            violations.Add(field, "is required, as yyyy-MM (e.g. 2026-01)");
            return null;
        }

        var month = Parse(text);
        if (month is null)
        {
            violations.Add(field, "must be a month as yyyy-MM, e.g. 2026-01");
        }

        return month;
    }
}
