using Participatie.Domain.Validation;

namespace Participatie.Domain.Contracts;

/// <summary>
/// Free text that one person writes and others read (goals, suggestions, a person's own words, journal notes): bounded,
/// printable, and without the bidirectional controls that can make text read differently from what was stored.
/// Accepted text is stored as sent, trimmed.
/// </summary>
public static class OwnWords
{
    /// <summary>Checks the text; returns it trimmed, or null when absent or invalid.</summary>
    public static string? Words(this Violations violations, string field, string? value, int maxLength, bool required = true)
    {
        var text = violations.Text(field, value, maxLength, required);
        if (text is not null && HasBidiControl(text))
        {
            violations.Add(field, "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)");
            return null;
        }

        return text;
    }

    /// <summary>True when the text holds an embedding, override or isolate control.</summary>
    public static bool HasBidiControl(string text) => text.Any(c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
