using Google.Protobuf;

namespace Participatie.Gateway.Security;

/// <summary>What the id an access rule checks refers to.</summary>
public enum Scope
{
    /// <summary>No resource: the role decides alone.</summary>
    None = 0,

    /// <summary>One person's record (a client id): their coach, a team member of their neighbourhood with their consent, themselves, an admin.</summary>
    Person = 1,

    /// <summary>One coach's own data (a coach id): that coach, an admin.</summary>
    Coach = 2,

    /// <summary>One neighbourhood's figures (a neighbourhood id): its team, coaches, admins.</summary>
    Neighbourhood = 3,

    /// <summary>One partner organisation's own data (a partner id): that partner, an admin.</summary>
    Partner = 4,

    /// <summary>One activity (an activity id): a partner reaches only the activities it offers; other roles the rule names.</summary>
    Activity = 5,
}

/// <summary>
/// Who may call one RPC. A rule names the roles that may call it at all, the resource the request points at (checked
/// against the caller), and whether the call touches a person's data — then it needs a purpose and is audited, for
/// the person named in the request and for every person the reply lists.
/// </summary>
public sealed record AccessRule
{
    private AccessRule(IReadOnlySet<Role> roles, Scope scope, Func<IMessage, string>? target, bool personData)
    {
        Roles = roles;
        Scope = scope;
        Target = target;
        PersonData = personData;
    }

    public IReadOnlySet<Role> Roles { get; }

    public Scope Scope { get; }

    /// <summary>The id in the request that <see cref="Scope"/> applies to.</summary>
    public Func<IMessage, string>? Target { get; }

    /// <summary>Reads or changes a person's data: a purpose is required (except from the person) and the call is audited.</summary>
    public bool PersonData { get; private init; }

    /// <summary>
    /// The call changes data (it is not a Get, List, Watch, Export, Query or Verify): a change of a person's data is
    /// audited before it is made, so that no change is ever stored without its record.
    /// </summary>
    public bool Changes { get; private init; }

    /// <summary>The people a reply shows or creates, for the audit (a caseload page, a new registration); per message of a stream.</summary>
    public Func<IMessage, IEnumerable<string>>? PeopleInReply { get; private init; }

    /// <summary>The people a request writes about beyond its target (outcomes of many people), for the audit.</summary>
    public Func<IMessage, IEnumerable<string>>? PeopleInRequest { get; private init; }

    /// <summary>The only purpose (<c>x-purpose</c>) staff may declare for this call; null when any purpose will do.</summary>
    public string? RequiredPurpose { get; private init; }

    /// <summary>
    /// The purpose of a call whose caller declares none; null when staff must declare one. For a call made for one
    /// purpose only by its nature (an admin following a payment run sees whose payments failed: <c>payment</c>).
    /// </summary>
    public string? PurposeWhenUndeclared { get; private init; }

    public static AccessRule For(params Role[] roles) => new(roles.ToHashSet(), Scope.None, null, personData: false);

    public static AccessRule Person<TRequest>(Func<TRequest, string> clientId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Person, m => clientId((TRequest)m), personData: true);

    public static AccessRule Coach<TRequest>(Func<TRequest, string> coachId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Coach, m => coachId((TRequest)m), personData: false);

    public static AccessRule Neighbourhood<TRequest>(Func<TRequest, string> neighbourhoodId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Neighbourhood, m => neighbourhoodId((TRequest)m), personData: false);

    public static AccessRule Partner<TRequest>(Func<TRequest, string> partnerId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Partner, m => partnerId((TRequest)m), personData: false);

    public static AccessRule Activity<TRequest>(Func<TRequest, string> activityId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Activity, m => activityId((TRequest)m), personData: false);

    /// <summary>The reply shows or creates these people's data: audit each of them.</summary>
    public AccessRule Audits<TResponse>(Func<TResponse, IEnumerable<string>> people)
        where TResponse : IMessage =>
        this with { PersonData = true, PeopleInReply = m => people((TResponse)m) };

    /// <summary>The request names these people's data (and changes it): audit each of them, whatever the outcome.</summary>
    public AccessRule AuditsRequest<TRequest>(Func<TRequest, IEnumerable<string>> people)
        where TRequest : IMessage =>
        this with { PersonData = true, PeopleInRequest = m => people((TRequest)m) };

    /// <summary>Staff may make this call for this purpose only (the BSN, for one, only for payment).</summary>
    public AccessRule OnlyFor(string purpose) => this with { RequiredPurpose = purpose };

    /// <summary>A caller who declares no purpose makes this call for <paramref name="purpose"/>.</summary>
    public AccessRule ImpliesPurpose(string purpose) => this with { PurposeWhenUndeclared = purpose };

    /// <summary>The rule of an RPC by its name: whether it changes data follows from the verb it starts with.</summary>
    internal AccessRule Of(string rpcName) => this with { Changes = !ReadVerbs.Any(verb => rpcName.StartsWith(verb, StringComparison.Ordinal)) };

    /// <summary>The verbs of RPCs that only read; every other RPC changes something.</summary>
    public static readonly IReadOnlyList<string> ReadVerbs = ["Get", "List", "Watch", "Export", "Query", "Verify", "Ping"];
}
