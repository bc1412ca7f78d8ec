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

    /// <summary>True when the text is a single line: printable and without line breaks or tabs.</summary>
    public static bool IsSingleLine(string text) => IsPrintable(text) && text.IndexOfAny(['\n', '\r', '\t', '\u2028', '\u2029']) < 0;
}
