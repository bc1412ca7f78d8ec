using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Gateway.Errors;

namespace Participatie.Gateway.Security;

/// <summary>
/// Every call passes here before any grain is touched: who is calling (UNAUTHENTICATED without valid credentials),
/// whether the rule of the RPC lets them (PERMISSION_DENIED, audited when it is about a person), why (x-purpose, for a
/// person's data), and the audit: a change of a person's data is recorded before it is made (so that a change never
/// exists without its record), and every read and change with its outcome before the reply leaves.
/// </summary>
public sealed partial class AccessInterceptor(IGrainFactory grains, CallContext call, ILogger<AccessInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsInfrastructure(context.Method))
        {
            return await continuation(request, context);
        }

        var rule = await AdmitAsync(request, context);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception failure) when (rule.Audited)
        {
            await FinishAsync(rule, request, null, ErrorInterceptor.CodeOf(failure));
            throw;
        }

        await FinishAsync(rule, request, response as IMessage, StatusCode.OK);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsInfrastructure(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }

        var rule = await AdmitAsync(request, context);
        await AuditAsync(rule, PeopleOf(rule, request), StatusCode.OK);
        if (rule.PeopleInReply is null)
        {
            await continuation(request, responseStream, context);
            return;
        }

        // Each message names people: their audit records are stored before the message is sent.
        var audited = new AuditingStreamWriter<TResponse>(responseStream, message => AuditAsync(rule, rule.PeopleInReply((IMessage)message!).Where(IsClient), StatusCode.OK));
        await continuation(request, audited, context);
    }

    private sealed class AuditingStreamWriter<T>(IServerStreamWriter<T> inner, Func<T, Task> audit) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(T message)
        {
            await audit(message);
            await inner.WriteAsync(message);
        }

        public async Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            await audit(message);
            await inner.WriteAsync(message, cancellationToken);
        }
    }

    private static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.v1.", StringComparison.Ordinal) || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    /// <summary>
    /// Admits the call or refuses it. A refusal of a known caller about a person's data is audited with its outcome, so
    /// that someone probing other people's records shows in the log; a change is audited before it is made.
    /// </summary>
    private async Task<AccessRule> AdmitAsync(object request, ServerCallContext context)
    {
        call.Name(context.Method);
        var found = AccessRules.ByMethod.TryGetValue(context.Method, out var rule);
        var caller = Caller.From(context.GetHttpContext().User);
        if (caller is null)
        {
            if (call.CredentialsUncheckable is { } cause)
            {
                throw cause;
            }

            if (found && rule!.PersonData && call.RefusedCaller is { } claimed)
            {
                await AuditAsync(claimed, rule, "", PeopleOf(rule, request), StatusCode.Unauthenticated);
            }

            throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "Send a valid bearer token (or a partner's x-api-key)."));
        }

        if (!found)
        {
            LogNoRule(logger, context.Method);
            throw Denied("This operation has no access rule.");
        }

        if (!rule!.Roles.Contains(caller.Role))
        {
            throw await RefusedAsync(caller, rule, request, $"The role {Caller.NameOf(caller.Role)} may not call this operation.");
        }

        string purpose;
        string? onBehalfOf;
        try
        {
            purpose = Purpose(caller, rule, context);
            onBehalfOf = OnBehalfOf.Of(caller, context);
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.PermissionDenied)
        {
            throw await RefusedAsync(caller, rule, request, refused.Status.Detail);
        }

        if (rule.Target is not null && !await MayReachAsync(caller, rule, rule.Target((IMessage)request)))
        {
            throw await RefusedAsync(caller, rule, request, "This record is not yours to see.");
        }

        call.Admit(caller, purpose, rule, onBehalfOf);
        var people = PeopleOf(rule, request);
        if (rule.ParticipantInRequest is not null)
        {
            var participant = await ParticipantOfAsync(rule, (IMessage)request);
            call.Found(participant);
            people.AddRange(participant);
        }

        if (rule.PersonData && rule.Changes)
        {
            await call.AnnounceAsync(people);
        }

        return rule;
    }

    /// <summary>
    /// The person behind the participant's reference the request names, found through the activity it targets. A
    /// malformed activity id names nobody (the service refuses it), nor does a reference the activity does not know
    /// (the change itself refuses it).
    /// </summary>
    private async Task<IReadOnlyList<string>> ParticipantOfAsync(AccessRule rule, IMessage request)
    {
        var activityId = rule.Target!(request);
        if (!Ids.IsValid(IdKind.Activity, activityId))
        {
            return [];
        }

        var person = await grains.GetGrain<IActivityGrain>(activityId).FindParticipantAsync(rule.ParticipantInRequest!(request));
        return person is null ? [] : [person];
    }

    /// <summary>Audits a refusal of the people the request names (outcome PERMISSION_DENIED) and gives the refusal to throw.</summary>
    private async Task<RpcException> RefusedAsync(Caller caller, AccessRule rule, object request, string message)
    {
        if (rule.PersonData)
        {
            await AuditAsync(caller, rule, DeclaredPurposeOrNone(caller), PeopleOf(rule, request), StatusCode.PermissionDenied);
        }

        return Denied(message);
    }

    private static string DeclaredPurposeOrNone(Caller caller) => caller.Role == Role.Person ? Purposes.OwnRecord : "";

    /// <summary>The declared purpose: required for anyone but the person when the call touches a person's data.</summary>
    private static string Purpose(Caller caller, AccessRule rule, ServerCallContext context)
    {
        var declared = context.RequestHeaders.GetValue(Purposes.Header);
        if (caller.Role == Role.Person)
        {
            return Purposes.OwnRecord;
        }

        if (caller.Role == Role.Partner)
        {
            return Purposes.Participation;
        }

        if (rule.RequiredPurpose is not null && declared is not null && Purposes.Declarable.Contains(declared) && declared != rule.RequiredPurpose)
        {
            throw Denied($"This operation is only for the purpose {rule.RequiredPurpose} (send {Purposes.Header}: {rule.RequiredPurpose}).");
        }

        if (declared is not null && Purposes.Declarable.Contains(declared))
        {
            return declared;
        }

        if (declared is null && rule.PurposeWhenUndeclared is not null)
        {
            return rule.PurposeWhenUndeclared;
        }

        if (!rule.PersonData && declared is null)
        {
            return "";
        }

        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Say why you need this person's data: send the {Purposes.Header} header.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        Errors.FieldMessages.Violation(Purposes.Header, $"must be one of {string.Join(", ", Purposes.Declarable.Order(StringComparer.Ordinal))}"),
                    },
                }),
            },
        }.ToRpcException();
    }

    /// <summary>
    /// Whether the caller may reach the resource the request names. A malformed id is left to the service, which
    /// refuses it with INVALID_ARGUMENT before touching anything; a person who does not exist is, to anyone but an
    /// admin, indistinguishable from someone else's record.
    /// </summary>
    private async Task<bool> MayReachAsync(Caller caller, AccessRule rule, string id)
    {
        if (caller.Role == Role.Admin)
        {
            return true;
        }

        switch (rule.Scope)
        {
            case Scope.Person when !Ids.IsValid(IdKind.Client, id):
                return true;
            case Scope.Person when caller.Role == Role.Person:
                return id == caller.Subject;
            case Scope.Person when caller.Role is Role.Coach or Role.Team:
                var facts = await grains.GetGrain<IClientCaseGrain>(id).GetAccessFactsAsync();
                return facts.Registered && (caller.Role == Role.Coach
                    ? facts.CoachId == caller.Subject
                    : facts.NeighbourhoodId == caller.NeighbourhoodId && facts.TeamInvolvement);
            case Scope.Coach:
                return caller.Role == Role.Coach && (id == caller.Subject || !Ids.IsValid(IdKind.Coach, id));
            case Scope.Neighbourhood:
                return caller.Role != Role.Team || id == caller.NeighbourhoodId || !Ids.IsValid(IdKind.Neighbourhood, id);
            case Scope.Partner:
                return caller.Role == Role.Partner && (id == caller.Subject || !PartnerIds.IsValid(id));
            case Scope.Activity when caller.Role == Role.Partner:
                return !Ids.IsValid(IdKind.Activity, id) || await grains.GetGrain<IActivityGrain>(id).GetOwnerAsync() == caller.Subject;
            case Scope.Activity:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The people a request names: the person it targets and those it writes about.</summary>
    private static List<string> PeopleOf(AccessRule rule, object request)
    {
        var people = new List<string>();
        if (rule.Scope == Scope.Person && rule.Target!((IMessage)request) is var target && IsClient(target))
        {
            people.Add(target);
        }

        if (rule.PeopleInRequest is not null)
        {
            people.AddRange(rule.PeopleInRequest((IMessage)request).Where(IsClient));
        }

        return people;
    }

    private static bool IsClient(string id) => Ids.IsValid(IdKind.Client, id);

    /// <summary>
    /// After the call: the outcome for everyone the call named, showed or reached. A read that cannot be audited is not
    /// answered (UNAVAILABLE). A change was audited before it was made, so a failure to store its outcome is logged and
    /// the caller still learns that the change was made — answering UNAVAILABLE would invite a retry that repeats it.
    /// </summary>
    private async Task FinishAsync(AccessRule rule, object request, IMessage? response, StatusCode outcome)
    {
        if (!rule.Audited)
        {
            return;
        }

        var people = new HashSet<string>(PeopleOf(rule, request), StringComparer.Ordinal);
        if (response is not null && rule.PeopleInReply is not null)
        {
            people.UnionWith(rule.PeopleInReply(response).Where(IsClient));
        }

        people.UnionWith(call.ReachedPeople);
        if (!rule.Changes || outcome != StatusCode.OK)
        {
            await AuditAsync(rule, people, outcome);
            return;
        }

        if (people.Any(person => !call.WasAnnounced(person)))
        {
            LogChangedUnannounced(logger, call.Action);
        }

        try
        {
            await AuditAsync(rule, people, outcome);
        }
        catch (RpcException stored) when (stored.StatusCode == StatusCode.Unavailable)
        {
            LogOutcomeNotStored(logger, call.Action, people.Count);
        }
    }

    private Task AuditAsync(AccessRule rule, IEnumerable<string> people, StatusCode outcome) =>
        AuditAsync(call.Caller!, rule, call.Purpose, people, outcome);

    private Task AuditAsync(Caller caller, AccessRule rule, string purpose, IEnumerable<string> people, StatusCode outcome)
    {
        if (!rule.Audited)
        {
            return Task.CompletedTask;
        }

        return call.StoreAsync(caller, purpose, people.Distinct(StringComparer.Ordinal).ToList(), outcome.ToString());
    }

    /// <summary>PERMISSION_DENIED with reason ACCESS_DENIED, also for services that scope a list to the caller.</summary>
    internal static RpcException Denied(string message) => new Google.Rpc.Status
    {
        Code = (int)Code.PermissionDenied,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = "ACCESS_DENIED", Domain = Errors.ErrorInterceptor.Domain }) },
    }.ToRpcException();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} changed a person's data that was not audited before the change (a defect: its access rule finds the person in the request, or its service announces them with CallContext.ChangingAsync)")]
    private static partial void LogChangedUnannounced(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} was audited before its change, but the outcome records of {People} people could not be stored")]
    private static partial void LogOutcomeNotStored(ILogger logger, string action, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} has no access rule: refused for every caller")]
    private static partial void LogNoRule(ILogger logger, string method);
}
