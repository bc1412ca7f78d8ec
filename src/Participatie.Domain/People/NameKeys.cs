using System.Globalization;
using System.Text;

namespace Participatie.Domain.People;

/// <summary>
/// The search and sort key of a person's name: family name first, then given name, folded so that what people type
/// finds what was registered — lower case, Latin letters without diacritics or ligatures ("Çelik" and "celik",
/// "Ĳzerman" and "ijzerman", "Strauß" and "strauss"), every run of other characters (spaces, hyphens, apostrophes)
/// one space. Keys compare ordinally, so every store orders them the same way. The platform runs without ICU
/// (invariant globalization), so the folding is a table of its own rather than Unicode normalisation.
/// </summary>
public static class NameKeys
{
    /// <summary>Lower-case Latin letters (Latin-1 Supplement, Extended-A and -B, Extended Additional) and their base letters.</summary>
    private static readonly Dictionary<char, string> BaseLetters = Table(
        ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ"),
        ("ae", "æ"),
        ("b", "ƀḃḅḇ"),
        ("c", "çćĉċčƈȼḉ"),
        ("d", "ðďđḋḍḏḑḓ"),
        ("dz", "ǆǳ"),
        ("e", "èéêëēĕėęěȅȇȩɇḕḗḙḛḝẹẻẽếềểễệ"),
        ("f", "ƒḟ"),
        ("g", "ĝğġģǧǵḡ"),
        ("h", "ĥħȟḣḥḧḩḫẖ"),
        ("i", "ìíîïĩīĭįıǐȉȋḭḯỉị"),
        ("ij", "ĳ"),
        ("j", "ĵǰɉ"),
        ("k", "ķĸƙǩḱḳḵ"),
        ("l", "ĺļľłƚḷḹḻḽ"),
        ("lj", "ǉ"),
        ("m", "ḿṁṃ"),
        ("n", "ñńņňŋƞǹṅṇṉṋ"),
        ("nj", "ǌ"),
        ("o", "òóôõöøōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ"),
        ("oe", "œ"),
        ("p", "ƥṕṗ"),
        ("q", "ɋ"),
        ("r", "ŕŗřȑȓɍṙṛṝṟ"),
        ("s", "śŝşšſșṡṣṥṧṩẛ"),
        ("ss", "ß"),
        ("t", "ţťŧƫƭțṫṭṯṱẗ"),
        ("th", "þ"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
        ("v", "ṽṿ"),
        ("w", "ŵƿẁẃẅẇẉẘ"),
        ("x", "ẋẍ"),
        ("y", "ýÿŷƴȳɏẏẙỳỵỷỹ"),
        ("z", "źżžƶȥẑẓẕ"));

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
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
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

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp && BaseLetters.TryGetValue((char)lower.Value, out var letters))
            {
                folded.Append(letters);
            }
            else
            {
                folded.Append(lower.ToString());
            }
        }

        return folded.ToString();
    }

    /// <summary>True when the text is a key as <see cref="Fold"/> makes them.</summary>
    public static bool IsKey(string text) => text.Length > 0 && Fold(text) == text;

    private static Dictionary<char, string> Table(params (string Base, string Letters)[] groups) =>
        groups.SelectMany(g => g.Letters.Select(letter => (letter, g.Base))).ToDictionary(p => p.letter, p => p.Base);
}
