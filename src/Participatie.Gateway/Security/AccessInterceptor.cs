using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Gateway.Security;

/// <summary>
/// Every call passes here before any grain is touched: who is calling (UNAUTHENTICATED without valid credentials),
/// whether the rule of the RPC lets them (PERMISSION_DENIED), why (x-purpose, for a person's data), and afterwards
/// the audit record — stored before the reply leaves.
/// </summary>
public sealed partial class AccessInterceptor(IGrainFactory grains, AuditLog audit, TimeProvider time, ILogger<AccessInterceptor> logger) : Interceptor
{
    private const string CallerKey = "participatie.caller";

    private const string PeopleKey = "participatie.audit.people";

    /// <summary>
    /// People a service reached whose ids the reply does not show (a partner's participants, known to it only by
    /// reference): audited with the call like the people of <see cref="AccessRule.PeopleInReply"/>.
    /// </summary>
    public static void AuditAlso(ServerCallContext context, IEnumerable<string> clientIds) =>
        context.GetHttpContext().Items[PeopleKey] = clientIds.ToList();

    /// <summary>The caller of the current call, as authenticated here; services use it to shape replies.</summary>
    public static Caller? CallerOf(ServerCallContext context) =>
        context.GetHttpContext().Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsInfrastructure(context.Method))
        {
            return await continuation(request, context);
        }

        var (caller, rule, purpose) = await AdmitAsync(request, context);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (RpcException failure) when (rule.PersonData)
        {
            await AuditAsync(caller, rule, purpose, context, request, null, failure.StatusCode);
            throw;
        }

        await AuditAsync(caller, rule, purpose, context, request, response as IMessage, StatusCode.OK);
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

        var (caller, rule, purpose) = await AdmitAsync(request, context);
        await AuditAsync(caller, rule, purpose, context, request, null, StatusCode.OK);
        if (rule.PeopleInReply is null)
        {
            await continuation(request, responseStream, context);
            return;
        }

        // Each message names people: their audit records are stored before the message is sent.
        var audited = new AuditingStreamWriter<TResponse>(responseStream, message => AuditAsync(caller, rule, purpose, context, request, message as IMessage, StatusCode.OK, auditTarget: false));
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

    private async Task<(Caller Caller, AccessRule Rule, string Purpose)> AdmitAsync(object request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User)
            ?? throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "Send a valid bearer token (or a partner's x-api-key)."));
        if (!AccessRules.ByMethod.TryGetValue(context.Method, out var rule))
        {
            LogNoRule(logger, context.Method);
            throw Denied("This operation has no access rule.");
        }

        if (!rule.Roles.Contains(caller.Role))
        {
            throw Denied($"The role {Caller.NameOf(caller.Role)} may not call this operation.");
        }

        var purpose = Purpose(caller, rule, context);
        if (rule.Target is not null && !await MayReachAsync(caller, rule, rule.Target((IMessage)request)))
        {
            throw Denied("This record is not yours to see.");
        }

        context.GetHttpContext().Items[CallerKey] = caller;
        return (caller, rule, purpose);
    }

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

        if (rule.RequiredPurpose is not null && declared is not null && Purposes.Known.Contains(declared) && declared != rule.RequiredPurpose)
        {
            throw Denied($"This operation is only for the purpose {rule.RequiredPurpose} (send {Purposes.Header}: {rule.RequiredPurpose}).");
        }

        if (declared is not null && Purposes.Known.Contains(declared))
        {
            return declared;
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
                        new BadRequest.Types.FieldViolation
                        {
                            Field = Purposes.Header,
                            Description = $"must be one of {string.Join(", ", Purposes.Known.Order(StringComparer.Ordinal))}",
                        },
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
                var facts = await grains.GetGrain<IClientGrain>(id).GetAccessFactsAsync();
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

    private async Task AuditAsync(Caller caller, AccessRule rule, string purpose, ServerCallContext context, object request, IMessage? response, StatusCode outcome, bool auditTarget = true)
    {
        if (!rule.PersonData)
        {
            return;
        }

        var people = new HashSet<string>(StringComparer.Ordinal);
        if (auditTarget && rule.Scope == Scope.Person && rule.Target!((IMessage)request) is var target && Ids.IsValid(IdKind.Client, target))
        {
            people.Add(target);
        }

        if (auditTarget && rule.PeopleInRequest is not null)
        {
            people.UnionWith(rule.PeopleInRequest((IMessage)request).Where(id => Ids.IsValid(IdKind.Client, id)));
        }

        if (response is not null && rule.PeopleInReply is not null)
        {
            people.UnionWith(rule.PeopleInReply(response).Where(id => Ids.IsValid(IdKind.Client, id)));
        }

        if (context.GetHttpContext().Items.TryGetValue(PeopleKey, out var reached) && reached is List<string> ids)
        {
            people.UnionWith(ids.Where(id => Ids.IsValid(IdKind.Client, id)));
        }

        var now = time.GetUtcNow();
        var action = context.Method.TrimStart('/').Replace("participatie.v1.", "", StringComparison.Ordinal).Replace('/', '.');
        var records = people.Select(person => new AuditRecord(0, now, Caller.NameOf(caller.Role), caller.Subject, action, person, purpose, outcome.ToString())).ToList();
        try
        {
            await audit.RecordAsync(records);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            // Fail closed: what cannot be audited is not answered.
            throw new Google.Rpc.Status
            {
                Code = (int)Code.Unavailable,
                Message = "The audit log cannot be written right now; nothing is shown without it. Retry later.",
                Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) }) },
            }.ToRpcException();
        }
    }

    /// <summary>PERMISSION_DENIED with reason ACCESS_DENIED, also for services that scope a list to the caller.</summary>
    internal static RpcException Denied(string message) => new Google.Rpc.Status
    {
        Code = (int)Code.PermissionDenied,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = "ACCESS_DENIED", Domain = Errors.ErrorInterceptor.Domain }) },
    }.ToRpcException();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} has no access rule: refused for every caller")]
    private static partial void LogNoRule(ILogger logger, string method);
}
