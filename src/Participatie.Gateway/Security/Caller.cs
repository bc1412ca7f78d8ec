using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Participatie.Domain;
using Participatie.Domain.Validation;

namespace Participatie.Gateway.Security;

/// <summary>The roles of the platform; a token carries exactly one in its <c>role</c> claim.</summary>
public enum Role
{
    /// <summary>Functional administrator of the municipality: operations, partners' keys, the audit log.</summary>
    Admin = 1,

    /// <summary>Case manager ("klantmanager"): the people in their own caseload. Subject: their coach id.</summary>
    Coach = 2,

    /// <summary>Neighbourhood team ("wijkteam") member: residents of their neighbourhood who agreed to team involvement.</summary>
    Team = 3,

    /// <summary>A partner organisation: its own activities and participants, pseudonymously. Subject: its partner id.</summary>
    Partner = 4,

    /// <summary>A researcher: pseudonymised figures only, cells under 10 suppressed.</summary>
    Researcher = 5,

    /// <summary>The person on assistance, in their own app. Subject: their own client id.</summary>
    Person = 6,
}

/// <summary>Who is calling, as their credentials (JWT or partner API key) say.</summary>
public sealed record Caller(Role Role, string Subject, string? NeighbourhoodId)
{
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string NeighbourhoodClaim = "nbh";

    /// <summary>The token names, as they appear in the <c>role</c> claim.</summary>
    public static readonly IReadOnlyDictionary<string, Role> RoleNames = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["admin"] = Role.Admin,
        ["coach"] = Role.Coach,
        ["team"] = Role.Team,
        ["partner"] = Role.Partner,
        ["researcher"] = Role.Researcher,
        ["person"] = Role.Person,
    };

    public static string NameOf(Role role) => RoleNames.Single(r => r.Value == role).Key;

    /// <summary>
    /// The caller of an authenticated principal, or null when the claims do not identify one: a coach's subject must
    /// be a coach id, a person's a client id, a team member needs their neighbourhood, a partner a partner id.
    /// </summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var roles = principal.FindAll(RoleClaim).Select(c => c.Value).ToList();
        var subject = principal.FindFirst(SubjectClaim)?.Value;
        if (roles.Count != 1 || !RoleNames.TryGetValue(roles[0], out var role) || !IsActorName(subject))
        {
            return null;
        }

        var neighbourhood = principal.FindFirst(NeighbourhoodClaim)?.Value;
        var valid = role switch
        {
            Role.Coach => Ids.IsValid(IdKind.Coach, subject),
            Role.Person => Ids.IsValid(IdKind.Client, subject),
            Role.Team => neighbourhood is not null && Ids.IsValid(IdKind.Neighbourhood, neighbourhood),
            Role.Partner => PartnerIds.IsValid(subject),
            _ => true,
        };
        return valid ? new Caller(role, subject, role == Role.Team ? neighbourhood : null) : null;
    }

    /// <summary>
    /// A subject is stored as who acted in every record the caller changes, so it must read as what it is: one line of
    /// at most 100 characters, no white space around it, no bidirectional controls that would show another name.
    /// </summary>
    private static bool IsActorName([NotNullWhen(true)] string? subject) =>
        subject is { Length: > 0 and <= 100 }
        && subject.Trim().Length == subject.Length
        && TextRules.IsSingleLine(subject)
        && !TextRules.HasBidiControl(subject);
}

/// <summary>Partner organisation ids: <c>pt-</c> and a lower-case slug, like neighbourhood ids.</summary>
public static class PartnerIds
{
    public const string Prefix = "pt-";

    public static bool IsValid(string? id) => Ids.IsValid(IdKind.Partner, id);
}
