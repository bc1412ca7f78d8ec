using System.Text.RegularExpressions;

namespace Participatie.Domain.People;

/// <summary>Dutch postcodes: four digits (the first not zero) and two letters, written "1234 AB".</summary>
public static partial class Postcode
{
    /// <summary>Normalises "1234ab", "1234 AB" or " 1234  ab " to "1234 AB"; null when it is not a postcode.</summary>
    public static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = Pattern().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var letters = match.Groups[2].Value.ToUpperInvariant();
        // SA, SD and SS are not issued.
        return letters is "SA" or "SD" or "SS" ? null : $"{match.Groups[1].Value} {letters}";
    }

    [GeneratedRegex(@"^([1-9][0-9]{3}) *([A-Za-z]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
