using System.Globalization;
using System.Text;

namespace Participatie.Domain.People;

/// <summary>
/// The search and sort key of a person's name: family name first, then given name, folded so that what people type
/// finds what was registered — lower case, without diacritics or ligatures ("Çelik" and "celik", "Ĳzerman" and
/// "ijzerman"), with every run of other characters (spaces, hyphens, apostrophes) as one space. Keys compare
/// ordinally, so every store orders them the same way.
/// </summary>
public static class NameKeys
{
    /// <summary>The key of a person: folded family name, a space, folded given name.</summary>
    public static string Of(string familyName, string givenName)
    {
        var family = Fold(familyName);
        var given = Fold(givenName);
        return family.Length == 0 ? given : given.Length == 0 ? family : family + " " + given;
    }

    /// <summary>Folds text to key form; empty when it has no letter or digit.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(Letter(Rune.ToLowerInvariant(rune)));
        }

        return folded.ToString();
    }

    /// <summary>True when the text is a key as <see cref="Fold"/> makes them.</summary>
    public static bool IsKey(string text) => text.Length > 0 && Fold(text) == text;

    /// <summary>Letters that do not decompose into a base letter and a mark.</summary>
    private static string Letter(Rune rune) => rune.Value switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' => "d",
        'ł' => "l",
        'ı' => "i",
        'þ' => "th",
        _ => rune.ToString(),
    };
}
