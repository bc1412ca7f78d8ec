namespace Participatie.Gateway.Security;

/// <summary>
/// Why someone reads or changes a person's data: the <c>x-purpose</c> request header, one of a fixed list so that
/// the audit log can be read and counted. The person themselves needs none (their purpose is their own record), nor
/// does a partner (theirs is always <see cref="Participation"/>).
/// </summary>
public static class Purposes
{
    public const string Header = "x-purpose";

    public const string OwnRecord = "own_record";

    public const string Payment = "payment";

    /// <summary>The purpose of every partner call: running its own activities.</summary>
    public const string Participation = "participation";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "case_work",       // guidance, the social contract, follow-up
        "intake",          // registration and first assessment
        Payment,           // benefit statements and payment
        "support",         // helping the person with the app or their questions
        "supervision",     // a team lead or quality review of case work
        "legal_duty",      // a statutory obligation (objection, appeal, court order)
        "administration",  // functional administration of the platform
        "testing",         // synthetic data in test and demo environments
        Participation,     // a partner running its activity: places and attendance (a partner's only purpose)
        OwnRecord,
    };

    /// <summary>
    /// The purposes staff may declare: not <see cref="OwnRecord"/> (the person's own, which would hide a look by staff
    /// among the person's own reads) and not <see cref="Participation"/> (the partner's, given by its credentials).
    /// </summary>
    public static readonly IReadOnlySet<string> Declarable = new HashSet<string>(Known.Except([OwnRecord, Participation]), StringComparer.Ordinal);
}
