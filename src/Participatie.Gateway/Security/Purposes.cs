namespace Participatie.Gateway.Security;

/// <summary>
/// Why someone reads or changes a person's data: the <c>x-purpose</c> request header, one of a fixed list so that
/// the audit log can be read and counted. The person themselves needs none (their purpose is their own record).
/// </summary>
public static class Purposes
{
    public const string Header = "x-purpose";

    public const string OwnRecord = "own_record";

    public const string Payment = "payment";

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
        OwnRecord,
    };
}
