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
/// People a call reaches that only its service learns of: in neither the request nor the reply. The service names them
/// to the call context (<see cref="CallContext.Reached"/>, <see cref="CallContext.ChangingAsync"/>), which refuses names
/// from a service whose rule does not declare them.
/// </summary>
public enum NamedByService
{
    /// <summary>A new person: the service makes their id and announces it before the registration.</summary>
    NewPerson = 1,

    /// <summary>The people of a caseload handed over: each announced before they move.</summary>
    HandedOver = 2,

    /// <summary>A partner's participants, known to it by reference only: the activity names the person behind each.</summary>
    Participants = 3,

    /// <summary>
    /// The caller's own record, read for what the request leaves out (a person's own neighbourhood): audited, but
    /// needs no purpose beyond their own.
    /// </summary>
    CallersOwnRecord = 4,
}

/// <summary>
/// Who may call one RPC. A rule names the roles that may call it at all, the resource the request points at (checked
/// against the caller), and whom the call audits — the person the request targets, people named in the request or
/// the reply, a partner's participant by reference, people only the service learns of, or nobody. A call that audits
/// anyone but the caller's own record touches a person's data: it needs a purpose. Only <see cref="Person"/> rules
/// are complete as made (they audit their target); the others are <see cref="Unaudited"/> until they say whom they
/// audit, and the rule table takes complete rules only, so a rule without that declaration does not compile.
/// </summary>
public sealed record AccessRule
{
    private AccessRule(Unaudited draft, bool personData)
    {
        Roles = draft.Roles;
        Scope = draft.Scope;
        Target = draft.Target;
        PersonData = personData;
    }

    public IReadOnlySet<Role> Roles { get; }

    public Scope Scope { get; }

    /// <summary>The id in the request that <see cref="Scope"/> applies to.</summary>
    public Func<IMessage, string>? Target { get; }

    /// <summary>Reads or changes a person's data: a purpose is required (except from the person) and the call is audited.</summary>
    public bool PersonData { get; }

    /// <summary>Whether the call audits anyone: every outcome, a refusal included, is then recorded for the people it reached.</summary>
    public bool Audited => PersonData || PeopleNamedByService is not null;

    /// <summary>
    /// The call changes data (it is not a Get, List, Watch, Export, Query or Verify): a change of a person's data is
    /// audited before it is made, so that no change is ever stored without its record.
    /// </summary>
    public bool Changes { get; private init; }

    /// <summary>The people a reply shows or creates, for the audit (a caseload page, a new registration); per message of a stream.</summary>
    public Func<IMessage, IEnumerable<string>>? PeopleInReply { get; private init; }

    /// <summary>The people a request writes about beyond its target (outcomes of many people), for the audit.</summary>
    public Func<IMessage, IEnumerable<string>>? PeopleInRequest { get; private init; }

    /// <summary>
    /// The reference by which the request names a participant of the activity it targets: the person behind it is
    /// audited, found through the activity before the service runs.
    /// </summary>
    public Func<IMessage, string>? ParticipantInRequest { get; private init; }

    /// <summary>The people only the service learns of, which it names to the call context; null when it names none.</summary>
    public NamedByService? PeopleNamedByService { get; private init; }

    /// <summary>The only purpose (<c>x-purpose</c>) staff may declare for this call; null when any purpose will do.</summary>
    public string? RequiredPurpose { get; private init; }

    /// <summary>
    /// The purpose of a call whose caller declares none; null when staff must declare one. For a call made for one
    /// purpose only by its nature (an admin following a payment run sees whose payments failed: <c>payment</c>).
    /// </summary>
    public string? PurposeWhenUndeclared { get; private init; }

    public static Unaudited For(params Role[] roles) => new(roles.ToHashSet(), Scope.None, null);

    /// <summary>One person's record: the person the request names is audited, whatever the outcome.</summary>
    public static AccessRule Person<TRequest>(Func<TRequest, string> clientId, params Role[] roles)
        where TRequest : IMessage =>
        new(new Unaudited(roles.ToHashSet(), Scope.Person, m => clientId((TRequest)m)), personData: true);

    public static Unaudited Coach<TRequest>(Func<TRequest, string> coachId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Coach, m => coachId((TRequest)m));

    public static Unaudited Neighbourhood<TRequest>(Func<TRequest, string> neighbourhoodId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Neighbourhood, m => neighbourhoodId((TRequest)m));

    public static Unaudited Partner<TRequest>(Func<TRequest, string> partnerId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Partner, m => partnerId((TRequest)m));

    public static Unaudited Activity<TRequest>(Func<TRequest, string> activityId, params Role[] roles)
        where TRequest : IMessage =>
        new(roles.ToHashSet(), Scope.Activity, m => activityId((TRequest)m));

    /// <summary>Besides the people the rule finds itself, the service names these (people it announces before a change).</summary>
    public AccessRule AlsoNamedByService(NamedByService people) => this with { PeopleNamedByService = people };

    /// <summary>Staff may make this call for this purpose only (the BSN, for one, only for payment).</summary>
    public AccessRule OnlyFor(string purpose) => this with { RequiredPurpose = purpose };

    /// <summary>A caller who declares no purpose makes this call for <paramref name="purpose"/>.</summary>
    public AccessRule ImpliesPurpose(string purpose) => this with { PurposeWhenUndeclared = purpose };

    /// <summary>The rule of an RPC by its name: whether it changes data follows from the verb it starts with.</summary>
    internal AccessRule Of(string rpcName) => this with { Changes = !ReadVerbs.Any(verb => rpcName.StartsWith(verb, StringComparison.Ordinal)) };

    /// <summary>The verbs of RPCs that only read; every other RPC changes something.</summary>
    public static readonly IReadOnlyList<string> ReadVerbs = ["Get", "List", "Watch", "Export", "Query", "Verify", "Ping"];

    /// <summary>A rule that has not yet said whom it audits; each of its methods says so and gives the complete rule.</summary>
    public sealed record Unaudited(IReadOnlySet<Role> Roles, Scope Scope, Func<IMessage, string>? Target)
    {
        /// <summary>The call reaches no person's data: nothing to audit, and its service may name no one to the audit.</summary>
        public AccessRule AuditsNobody() => new(this, personData: false);

        /// <summary>The reply shows or creates these people's data: audit each of them.</summary>
        public AccessRule Audits<TResponse>(Func<TResponse, IEnumerable<string>> people)
            where TResponse : IMessage =>
            new(this, personData: true) { PeopleInReply = m => people((TResponse)m) };

        /// <summary>The request names these people's data (and changes it): audit each of them, whatever the outcome.</summary>
        public AccessRule AuditsRequest<TRequest>(Func<TRequest, IEnumerable<string>> people)
            where TRequest : IMessage =>
            new(this, personData: true) { PeopleInRequest = m => people((TRequest)m) };

        /// <summary>The request names a participant of the activity it targets by their reference: audit the person behind it.</summary>
        public AccessRule AuditsParticipant<TRequest>(Func<TRequest, string> reference)
            where TRequest : IMessage =>
            Scope == Scope.Activity
                ? new(this, personData: true) { ParticipantInRequest = m => reference((TRequest)m) }
                : throw new InvalidOperationException("Only a rule of an activity finds a participant by reference.");

        /// <summary>The service alone learns whom the call reaches, and names them to the call context.</summary>
        public AccessRule AuditsNamedByService(NamedByService people) =>
            new(this, personData: people != NamedByService.CallersOwnRecord) { PeopleNamedByService = people };
    }
}
