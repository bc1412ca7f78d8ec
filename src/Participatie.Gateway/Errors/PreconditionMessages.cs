using Google.Rpc;
using Participatie.Abstractions.Errors;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Why something cannot be done now, in Dutch, per <c>google.rpc.ErrorInfo</c> reason: the status's message stays the
/// developer's English (with ids and dates), and a <c>google.rpc.LocalizedMessage</c> (nl-NL) beside it is what a
/// front end shows a person. Every reason the platform answers has a sentence here (a test checks it).
/// </summary>
public static class PreconditionMessages
{
    private static readonly Dictionary<string, string> Dutch = new(StringComparer.Ordinal)
    {
        [Reasons.CaseloadFull] = "De caseload van deze klantmanager is vol.",
        [Reasons.HandOverUnderWay] = "Deze caseload wordt op dit moment overgedragen; probeer het zo opnieuw.",
        [Reasons.YouthPathway] = "Deze persoon is jonger dan 27 en volgt de jongerenroute.",
        [Reasons.NotInCaseload] = "Deze persoon staat niet in de caseload van deze klantmanager.",
        [Reasons.NotAssessed] = "Er is nog geen inschatting gemaakt; maak die eerst.",
        [Reasons.CaseEnded] = "Deze zaak is beëindigd; er kan niets meer aan veranderen.",
        [Reasons.Anonymised] = "Deze gegevens zijn geanonimiseerd en veranderen niet meer.",
        [Reasons.NotEligible] = "Deze persoon voldoet niet aan de voorwaarden van dit experiment.",
        [Reasons.InOtherExperiment] = "Deze persoon doet al mee aan een ander experiment in dezelfde periode.",
        [Reasons.AlreadyDrawn] = "De loting is al gedaan; aanmelden kan niet meer.",
        [Reasons.NotDrawn] = "De loting is nog niet gedaan.",
        [Reasons.NoSignUps] = "Er heeft zich niemand aangemeld; er valt niets te loten.",
        [Reasons.ExperimentEnded] = "Dit experiment is afgelopen.",
        [Reasons.Withdrawn] = "Deze persoon heeft zich teruggetrokken en kan zich niet opnieuw aanmelden.",
        [Reasons.NotAssigned] = "Deze persoon is niet ingeloot; er zijn geen uitkomsten vast te leggen.",
        [Reasons.TrajectoryOverlaps] = "Dit traject valt samen met een ander traject van deze persoon.",
        [Reasons.TrajectoryNotAvailable] = "Dit traject kan op die datum niet beginnen.",
        [Reasons.NoTrajectory] = "Op die dag loopt er geen traject.",
        [Reasons.TrialOverlaps] = "Deze proef valt samen met een andere proef in de wijk.",
        [Reasons.MonthPaid] = "Deze maand is al betaald; verbeteringen lopen via een volgende betaling.",
        [Reasons.SanctionsExcluded] = "De regeling van deze persoon sluit maatregelen uit.",
        [Reasons.FigureNotConfigured] = "Een bedrag dat de berekening nodig heeft, is voor die datum niet ingesteld. Neem contact op met de beheerder.",
        [Reasons.RegimeNotConfigured] = "Voor die datum is geen gemeentelijke regeling ingesteld. Neem contact op met de beheerder.",
        [Reasons.MonthNotDue] = "Deze maand kan nog niet betaald worden.",
        [Reasons.PaymentRunNotCompleted] = "De betaalrun van deze maand is nog niet klaar.",
        [Reasons.GoalClosed] = "Dit doel is afgerond of gestopt en verandert niet meer.",
        [Reasons.GoalNotAgreed] = "Voortgang kan pas als u allebei met dit doel hebt ingestemd.",
        [Reasons.SuggestionAnswered] = "Op dit voorstel is al anders geantwoord.",
        [Reasons.NotYourPart] = "Dit deel is niet aan u.",
        [Reasons.RecordLimitReached] = "Hier kan niets meer bij: het maximum is bereikt.",
        [Reasons.ActivityFull] = "Alle plaatsen van deze activiteit zijn bezet.",
        [Reasons.ActivityClosed] = "Deze activiteit is gesloten.",
        [Reasons.NoAgreement] = "Deze persoon heeft niet ingestemd met meedoen aan deze activiteit.",
        [Reasons.NotEnrolled] = "Deze deelnemer heeft nog geen plaats; uren kunnen alleen voor deelnemers met een plaats.",
        [Reasons.CapacityBelowEnrolled] = "Er zijn al meer plaatsen bezet dan dit aantal.",
        [Reasons.TooManyActivities] = "Deze organisatie heeft het grootste aantal activiteiten dat kan; sluit er eerst een.",
        [Reasons.TooManyKeys] = "Deze organisatie heeft het grootste aantal sleutels dat kan; trek er eerst een in.",
    };

    /// <summary>The reasons that have a sentence.</summary>
    public static IReadOnlyCollection<string> Known => Dutch.Keys;

    /// <summary>The Dutch sentence for a reason, or null when it has none.</summary>
    public static LocalizedMessage? For(string reason) =>
        Dutch.TryGetValue(reason, out var message) ? new LocalizedMessage { Locale = FieldMessages.Locale, Message = message } : null;
}
