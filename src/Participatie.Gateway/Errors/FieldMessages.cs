using System.Text.RegularExpressions;
using Google.Rpc;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Field violations in the words of the people who see them. The domain describes a violation in English for
/// developers ("must be at most 500 characters"); this gives the common ones a reason code (for programs, AIP-193
/// style) and a Dutch sentence (<c>localized_message</c>, nl-NL) that a front end can show next to the field as it is.
/// The English description is the key, as in gettext: a rule's text is translated here, where the edge meets people,
/// and a description without a translation keeps only its English text.
/// </summary>
public static partial class FieldMessages
{
    public const string Locale = "nl-NL";

    private static readonly (Regex Pattern, string Reason, string Dutch)[] Catalogue =
    [
        (Required(), "REQUIRED", "Vul dit in."),
        (RequiredDate(), "REQUIRED", "Vul een datum in."),
        (RequiredTimestamp(), "REQUIRED", "Vul een datum en tijd in."),
        (TooLong(), "TOO_LONG", "Gebruik hoogstens {1} tekens."),
        (TooShort(), "TOO_SHORT", "Gebruik minstens {1} tekens."),
        (ControlCharacters(), "INVALID_CHARACTERS", "Gebruik geen onzichtbare stuurtekens."),
        (BidiControls(), "INVALID_CHARACTERS", "Gebruik geen tekens die de schrijfrichting omdraaien."),
        (SingleLine(), "MULTIPLE_LINES", "Schrijf dit op één regel."),
        (Between(), "OUT_OF_RANGE", "Kies een getal van {1} tot en met {2}."),
        (OneOf(), "NOT_ONE_OF", "Kies een van de mogelijkheden."),
        (RequiredMonth(), "REQUIRED", "Vul een maand in."),
        (IsoDate(), "INVALID_DATE", "Vul een bestaande datum in."),
        (IsoTimestamp(), "INVALID_TIMESTAMP", "Vul een bestaande datum en tijd in."),
        (IsoMonth(), "INVALID_MONTH", "Vul een bestaande maand in."),
        (NotInFuture(), "DATE_IN_FUTURE", "Deze datum mag niet na vandaag liggen."),
        (JournalDay(), "DATE_OUT_OF_RANGE", "Kies vandaag of een dag van hoogstens {1} dagen geleden."),
        (ReviewDay(), "DATE_OUT_OF_RANGE", "Kies een dag na vandaag, hoogstens {1} dagen vooruit."),
        (AroundToday(), "DATE_OUT_OF_RANGE", "Kies een dag van hoogstens {1} dagen voor of na vandaag."),
        (BeforeFrom(), "DATE_OUT_OF_RANGE", "Deze datum mag niet voor de begindatum liggen."),
        (Postcode(), "INVALID_POSTCODE", "Vul een Nederlandse postcode in, bijvoorbeeld 3072 AB."),
        (Identifier(), "INVALID_ID", "Deze code bestaat niet zo; controleer hem."),
        (PageToken(), "INVALID_PAGE_TOKEN", "Deze lijst is veranderd; begin opnieuw bij de eerste pagina."),
    ];

    /// <summary>A violation with its reason and Dutch sentence when the description is one the catalogue knows.</summary>
    public static BadRequest.Types.FieldViolation Violation(string field, string description)
    {
        var violation = new BadRequest.Types.FieldViolation { Field = field, Description = description };
        if (Translate(description) is { } known)
        {
            violation.Reason = known.Reason;
            violation.LocalizedMessage = new LocalizedMessage { Locale = Locale, Message = known.Dutch };
        }

        return violation;
    }

    /// <summary>The reason code and the Dutch sentence for a description, or null when none is known.</summary>
    public static (string Reason, string Dutch)? Translate(string description)
    {
        foreach (var (pattern, reason, dutch) in Catalogue)
        {
            var match = pattern.Match(description);
            if (match.Success)
            {
                return (reason, string.Format(System.Globalization.CultureInfo.InvariantCulture, dutch, [.. match.Groups.Values.Select(g => g.Value)]));
            }
        }

        return null;
    }

    [GeneratedRegex(@"^is required$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^is required, as an ISO date\b")]
    private static partial Regex RequiredDate();

    [GeneratedRegex(@"^is required, as an ISO-8601 timestamp\b")]
    private static partial Regex RequiredTimestamp();

    [GeneratedRegex(@"^must be at most (\d+) characters$")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"^must be at least (\d+) characters$")]
    private static partial Regex TooShort();

    [GeneratedRegex(@"^must not contain control characters or invalid Unicode$")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"^must not contain bidirectional control characters\b")]
    private static partial Regex BidiControls();

    [GeneratedRegex(@"^must be a single line$")]
    private static partial Regex SingleLine();

    [GeneratedRegex(@"^must be between (-?\d+) and (-?\d+)$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^must be one of \S")]
    private static partial Regex OneOf();

    [GeneratedRegex(@"^is required, as yyyy-MM\b")]
    private static partial Regex RequiredMonth();

    [GeneratedRegex(@"^must be (an ISO date|a date as yyyy-MM-dd)\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^must be an ISO-8601 (timestamp|date and time)\b")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"^must be a month as yyyy-MM\b")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^must not be in the future( \(today is [0-9-]+ in the Netherlands\))?$")]
    private static partial Regex NotInFuture();

    [GeneratedRegex(@"^must not be in the future nor more than (\d+) days ago$")]
    private static partial Regex JournalDay();

    [GeneratedRegex(@"^must be after today and at most (\d+) days ahead$")]
    private static partial Regex ReviewDay();

    [GeneratedRegex(@"^must lie within (\d+) days before or after today$")]
    private static partial Regex AroundToday();

    [GeneratedRegex(@"^must not be before from$")]
    private static partial Regex BeforeFrom();

    [GeneratedRegex(@"^must be a Dutch postcode\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^must be ""[a-z]+-"" followed by ")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^is not a token returned by this API$")]
    private static partial Regex PageToken();
}
