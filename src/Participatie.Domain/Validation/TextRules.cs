namespace Participatie.Domain.Validation;

/// <summary>Rules for free text that people type and other people read.</summary>
public static class TextRules
{
    /// <summary>True when the text has no control characters (tabs and newlines excepted) and no lone surrogates.</summary>
    public static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }

    public const string NoBidiControls = "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)";

    /// <summary>True when the text holds an embedding, override or isolate control.</summary>
    public static bool HasBidiControl(string text) => text.Any(c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    /// <summary>
    /// A name as others read it in lists and logs (a person's, a coach's, a neighbourhood's): bounded, one line, and
    /// without bidirectional controls that make it read differently from what is stored. Returns it trimmed, or null.
    /// </summary>
    public static string? Line(this Violations violations, string field, string? value, int maxLength, bool required = true)
    {
        var text = violations.Text(field, value, maxLength, required);
        if (text is null)
        {
            return null;
        }

        if (!IsSingleLine(text))
        {
            violations.Add(field, "must be a single line");
            return null;
        }

        if (HasBidiControl(text))
        {
            violations.Add(field, NoBidiControls);
            return null;
        }

        return text;
    }

    /// <summary>True when the text is a single line: printable and without line breaks or tabs.</summary>
    public static bool IsSingleLine(string text) => IsPrintable(text) && text.IndexOfAny(['\n', '\r', '\t', '\u2028', '\u2029']) < 0;
}
