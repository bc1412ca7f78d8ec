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
        if (text is not null && TextRules.HasBidiControl(text))
        {
            violations.Add(field, TextRules.NoBidiControls);
            return null;
        }

        return text;
    }
}
