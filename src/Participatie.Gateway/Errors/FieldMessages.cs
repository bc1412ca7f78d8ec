using System.Globalization;
using System.Text.RegularExpressions;
using Google.Rpc;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Field violations in the words of the people who see them. The domain describes a violation in English for
/// developers ("must be at most 500 characters"); this gives the ones that people meet on a screen a reason code (for
/// programs, AIP-193 style) and a Dutch sentence (<c>localized_message</c>, nl-NL) that a front end can show next to the
/// field as it is. The English description is the key, as in gettext: a rule's text is translated here, where the edge
/// meets people, and a description without a translation keeps only its English text.
/// </summary>
public static class FieldMessages
{
    public const string Locale = "nl-NL";

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly (Regex Pattern, string Reason, Func<GroupCollection, string> Dutch)[] Catalogue =
    [
        // The shared checks (Violations, DateRules, TextRules, Months, the gateway's RequestErrors).
        Rule(@"^is required$", "REQUIRED", _ => "Vul dit in."),
        Rule(@"^is required, as an ISO date\b", "REQUIRED", _ => "Vul een datum in."),
        Rule(@"^is required, as an ISO-8601 timestamp\b", "REQUIRED", _ => "Vul een datum en tijd in."),
        Rule(@"^is required, as yyyy-MM\b", "REQUIRED", _ => "Vul een maand in."),
        Rule(@"^must be at most (\d+) characters$", "TOO_LONG", g => $"Gebruik hoogstens {g[1]} tekens."),
        Rule(@"^must be at least (\d+) characters$", "TOO_SHORT", g => $"Gebruik minstens {g[1]} tekens."),
        Rule(@"^must not contain control characters or invalid Unicode$", "INVALID_CHARACTERS", _ => "Gebruik geen onzichtbare stuurtekens."),
        Rule(@"^must not contain bidirectional control characters\b", "INVALID_CHARACTERS", _ => "Gebruik geen tekens die de schrijfrichting omdraaien."),
        Rule(@"^must be a single line$", "MULTIPLE_LINES", _ => "Schrijf dit op één regel."),
        Rule(@"^must be (?:a number )?between (-?\d+) and (-?\d+)$", "OUT_OF_RANGE", g => $"Kies een getal van {g[1]} tot en met {g[2]}."),
        Rule(@"^must not be negative$", "OUT_OF_RANGE", _ => "Dit getal mag niet negatief zijn."),
        Rule(@"^must be one of \S", "NOT_ONE_OF", _ => "Kies een van de mogelijkheden."),
        Rule(@"^must be (an ISO date|a date as yyyy-MM-dd)\b", "INVALID_DATE", _ => "Vul een bestaande datum in."),
        Rule(@"^must be an ISO-8601 (timestamp|date and time)\b", "INVALID_TIMESTAMP", _ => "Vul een bestaande datum en tijd in."),
        Rule(@"^must be a month as yyyy-MM\b", "INVALID_MONTH", _ => "Vul een bestaande maand in."),
        Rule(@"^must be ""[a-z]+-"" followed by ", "INVALID_ID", _ => "Deze code bestaat niet zo; controleer hem."),
        Rule(@"^is not a token returned by this API$", "INVALID_PAGE_TOKEN", _ => "Deze lijst is veranderd; begin opnieuw bij de eerste pagina."),

        // Days and months.
        Rule(@"^must not be in the future( \(today is [0-9-]+ in the Netherlands\))?$", "DATE_IN_FUTURE", _ => "Deze datum mag niet na vandaag liggen."),
        Rule(@"^must not be in the future nor more than (\d+) days ago$", "DATE_OUT_OF_RANGE", g => $"Kies vandaag of een dag van hoogstens {g[1]} dagen geleden."),
        Rule(@"^must be after today and at most (\d+) days ahead$", "DATE_OUT_OF_RANGE", g => $"Kies een dag na vandaag, hoogstens {g[1]} dagen vooruit."),
        Rule(@"^must lie within (\d+) days before or after today$", "DATE_OUT_OF_RANGE", g => $"Kies een dag van hoogstens {g[1]} dagen voor of na vandaag."),
        Rule(@"^must not be more than one month ahead$", "DATE_OUT_OF_RANGE", _ => "Kies een dag hoogstens een maand vooruit."),
        Rule(@"^must be the first day of a month$", "DATE_OUT_OF_RANGE", _ => "Kies de eerste dag van een maand."),
        Rule(@"^must be on or after (\d{4}-\d{2}-\d{2})\b", "DATE_OUT_OF_RANGE", g => $"Kies {Day(g[1].Value)} of later."),
        Rule(@"^must be on or before (\d{4}-\d{2}-\d{2})\b", "DATE_OUT_OF_RANGE", g => $"Kies {Day(g[1].Value)} of eerder."),
        Rule(@"^must be (\d{4}-\d{2}) or later\b", "DATE_OUT_OF_RANGE", g => $"Kies {Month(g[1].Value)} of later."),
        Rule(@"^must be (\d{4}-\d{2}) or earlier\b", "DATE_OUT_OF_RANGE", g => $"Kies {Month(g[1].Value)} of eerder."),
        Rule(@"^must not be before (from|start|first_day)$", "DATE_OUT_OF_RANGE", _ => "Deze datum mag niet voor de begindatum liggen."),
        Rule(@"^must be after from$", "DATE_OUT_OF_RANGE", _ => "Deze datum moet na de begindatum liggen."),
        Rule(@"^must be at most (\d+) days from first_day, both included$", "DATE_OUT_OF_RANGE", g => $"Kies een periode van hoogstens {g[1]} dagen."),
        Rule(@"^must not be before the registration$", "DATE_OUT_OF_RANGE", _ => "Deze datum mag niet voor de inschrijving liggen."),

        // A person's details and hours.
        Rule(@"^must be a Dutch postcode\b", "INVALID_POSTCODE", _ => "Vul een Nederlandse postcode in, bijvoorbeeld 3072 AB."),
        Rule(@"^must be 9 digits that pass the eleven-test$", "INVALID_BSN", _ => "Vul een geldig burgerservicenummer in (9 cijfers)."),
        Rule(@"^gives an age above (\d+):", "OUT_OF_RANGE", g => $"Met deze geboortedatum is iemand ouder dan {g[1]}; wie de AOW-leeftijd heeft, krijgt geen bijstand."),
        Rule(@"^must be in quarter hours\b", "INVALID_HOURS", _ => "Vul uren in kwartieren in, bijvoorbeeld 2,5 of 2,75."),
        Rule(@"^must be between 0 and (\d+) hours a day\b", "OUT_OF_RANGE", g => $"Vul hoogstens {g[1]} uur per dag in."),
        Rule(@"^must be a participant reference as this API lists it\b", "INVALID_REFERENCE", _ => "Dit is geen deelnemersnummer zoals de lijst van deelnemers het geeft."),
        Rule(@"^is not an activity type$", "NOT_ONE_OF", _ => "Kies een soort activiteit."),
        Rule(@"^is required: your record names no neighbourhood$", "REQUIRED", _ => "Kies een wijk: in uw gegevens staat er geen."),
        Rule(@"^must contain a letter or a digit$", "TOO_SHORT", _ => "Gebruik minstens één letter of cijfer."),
        Rule(@"^must name the legal ground in at least (\d+) characters$", "TOO_SHORT", g => $"Noem de wettelijke grond, in minstens {g[1]} tekens."),

        // Staff and admin forms.
        Rule(@"^must be 1-60 lower-case letters, digits or hyphens\b", "INVALID_NAME", _ => "Gebruik 1 tot 60 kleine letters, cijfers of streepjes, te beginnen met een letter of cijfer."),
        Rule(@"^must name 1 to (\d+) coaches$", "OUT_OF_RANGE", g => $"Kies 1 tot {g[1]} klantmanagers."),
        Rule(@"^must not be the coach whose caseload is handed over$", "INVALID_ARGUMENT", _ => "Kies een andere klantmanager dan degene die de caseload overdraagt."),
        Rule(@"^names the same coach twice$", "DUPLICATE", _ => "Deze klantmanager staat er al in."),
        Rule(@"^must be an action as the audit log names it\b", "INVALID_ACTION", _ => "Vul een actie in zoals het auditlog die noemt, bijvoorbeeld ClientService.GetClient."),
        Rule(@"^must be a gRPC status name as the audit log records it\b", "INVALID_OUTCOME", _ => "Vul een uitkomst in zoals het auditlog die noemt, bijvoorbeeld OK of PermissionDenied."),
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
                return (reason, dutch(match.Groups));
            }
        }

        return null;
    }

    private static (Regex, string, Func<GroupCollection, string>) Rule(string pattern, string reason, Func<GroupCollection, string> dutch) =>
        (new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), reason, dutch);

    /// <summary>A day as people write it, e.g. "1 januari 2026" (the host runs without culture data).</summary>
    private static string Day(string iso)
    {
        var day = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{day.Day} {Months[day.Month - 1]} {day.Year}";
    }

    private static string Month(string iso)
    {
        var month = DateOnly.ParseExact(iso + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{Months[month.Month - 1]} {month.Year}";
    }
}
