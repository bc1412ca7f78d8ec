using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Domain;
using Participatie.Domain.Contracts;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Gateway.Security;

/// <summary>
/// One call, as the gateway knows it (a scoped service: one per request): who is calling, why, which RPC under which
/// access rule, and the people the call reached. The access interceptor fills it in before the service runs and audits
/// from it before the reply leaves; services read the caller from it. Whom a call audits is declared by its access
/// rule; only people the service alone learns of (a new registration, a partner's participants on a page) are named
/// here by the service, and only when the rule declares that it does.
/// </summary>
public sealed class CallContext(AuditLog audit, TimeProvider time)
{
    /// <summary>Outcome of the record stored before a change is made: the change was asked for and admitted.</summary>
    public const string Started = "Started";

    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reached = new(StringComparer.Ordinal);

    /// <summary>The authenticated caller; null until the access interceptor has admitted the call.</summary>
    public Caller? Caller { get; private set; }

    /// <summary>The declared (or implied) purpose of the call.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>The RPC as the audit log names it, e.g. <c>ClientService.GetClient</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The access rule the call was admitted under; null until then.</summary>
    internal AccessRule? Rule { get; private set; }

    /// <summary>
    /// Set by authentication when the credentials could not be checked because the platform did not answer (a
    /// partner's key ring on a database that is down): the call is then UNAVAILABLE, not UNAUTHENTICATED.
    /// </summary>
    public Exception? CredentialsUncheckable { get; set; }

    /// <summary>
    /// The caller named by credentials that were validly signed but refused (an expired token): a refused attempt on a
    /// person's data by a known subject is audited.
    /// </summary>
    public Caller? RefusedCaller { get; set; }

    /// <summary>Who acts on a person's contract or record: always the authenticated caller, never a name in a request.</summary>
    public ContractActor Actor
    {
        get
        {
            var caller = Caller ?? throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "Send a valid bearer token."));
            var party = caller.Role switch
            {
                Role.Person => Party.Person,
                Role.Coach => Party.Coach,
                Role.Team => Party.Team,
                _ => Party.Unspecified,
            };
            return new ContractActor(party, caller.Subject);
        }
    }

    /// <summary>The caller's subject, as stored acts name who made them.</summary>
    public string Subject => Caller?.Subject ?? "unknown";

    /// <summary>Whom an admin acts for (<see cref="Security.OnBehalfOf"/>); null when the caller acts for themselves.</summary>
    public string? OnBehalfOf { get; private set; }

    internal void Admit(Caller caller, string purpose, AccessRule rule, string? onBehalfOf = null)
    {
        Caller = caller;
        Purpose = purpose;
        Rule = rule;
        OnBehalfOf = onBehalfOf;
    }

    /// <summary>
    /// Names people the reply does not show but the call read (a partner's participants, known to it only by
    /// reference): they are audited with the call, before its reply leaves.
    /// </summary>
    public void Reached(IEnumerable<string> clientIds)
    {
        RequireDeclared();
        Found(clientIds);
    }

    /// <summary>People the access rule found beyond its request and reply (the person behind a participant's reference).</summary>
    internal void Found(IEnumerable<string> clientIds) => _reached.UnionWith(clientIds.Where(id => Ids.IsValid(IdKind.Client, id)));

    /// <summary>
    /// Before a change of these people's data that the request does not name (a new registration, a caseload handed
    /// over): stores the audit record that the change is being made (outcome <see cref="Started"/>). When the audit log
    /// cannot be written the call fails with UNAVAILABLE before anything changed.
    /// </summary>
    public Task ChangingAsync(IEnumerable<string> clientIds)
    {
        RequireDeclared();
        return AnnounceAsync(clientIds);
    }

    /// <summary>
    /// Stores the record that a change of these people's data is being made. People already announced in this call
    /// are not recorded twice.
    /// </summary>
    internal async Task AnnounceAsync(IEnumerable<string> clientIds)
    {
        var fresh = clientIds.Where(id => Ids.IsValid(IdKind.Client, id) && !_announced.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        await StoreAsync(Caller!, Purpose, fresh, Started);
        _announced.UnionWith(fresh);
    }

    /// <summary>
    /// A service names people to the audit only when its access rule says it does: a name from any other service is a
    /// defect (the rule would claim to audit nobody, or only what it finds itself), refused rather than audited by chance.
    /// </summary>
    private void RequireDeclared()
    {
        if (Rule?.PeopleNamedByService is null)
        {
            throw new InvalidOperationException($"{Action} named people to the audit, but its access rule does not declare that its service names any");
        }
    }

    /// <summary>The people the call reached beyond those the access rule finds in its request and reply.</summary>
    internal IEnumerable<string> ReachedPeople => _reached.Concat(_announced);

    /// <summary>Whether a change of this person's data was announced before it was made.</summary>
    internal bool WasAnnounced(string clientId) => _announced.Contains(clientId);

    /// <summary>Stores one record per person for this call, with the given outcome; UNAVAILABLE when it cannot.</summary>
    internal async Task StoreAsync(Caller caller, string purpose, IReadOnlyCollection<string> people, string outcome)
    {
        if (people.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var records = people.Select(person => new AuditRecord(0, now, Caller.NameOf(caller.Role), caller.Subject, Action, person, purpose, outcome, OnBehalfOf)).ToList();
        try
        {
            await audit.RecordAsync(records);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            // Fail closed: what cannot be audited is neither shown nor changed.
            throw new Google.Rpc.Status
            {
                Code = (int)Code.Unavailable,
                Message = "The audit log cannot be written right now; nothing is shown or changed without it. Retry later.",
                Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) }) },
            }.ToRpcException();
        }
    }

    /// <summary>Names the RPC of a gRPC method path as the audit log does.</summary>
    internal void Name(string method) =>
        Action = method.TrimStart('/').Replace("participatie.v1.", "", StringComparison.Ordinal).Replace('/', '.');
}
