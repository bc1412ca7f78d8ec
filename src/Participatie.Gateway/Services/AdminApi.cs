using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Payments;
using Participatie.Abstractions.Platform;
using Participatie.Contracts.V1;
using LineKind = Participatie.Abstractions.Clients.PaymentKind;
using Participatie.Domain.Benefits;
using Participatie.Domain.Validation;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;
using Participatie.Gateway.Security.Audit;
using OrleansSiloStatus = Orleans.Runtime.SiloStatus;

namespace Participatie.Gateway.Services;

/// <summary>AdminService.</summary>
public sealed partial class AdminApi(IGrainFactory grains, IOptions<GatewayInfo> info, IOptions<AuthOptions> auth, AuditLog audit, BsnProtector bsns, TimeProvider time, CallContext call, ILogger<AdminApi> logger)
    : AdminService.AdminServiceBase
{
    /// <summary>Instructions per message of the payment export (and per audit batch).</summary>
    public const int ExportPageSize = 500;

    private static readonly string Version = typeof(AdminApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Text("payload", request.Payload, 256, required: false);
        violations.ThrowIfAny();
        return Task.FromResult(new PingResponse { Payload = request.Payload, ServerTime = ContractMapping.Iso(time.GetUtcNow()) });
    }

    public override async Task<GetPlatformStatusResponse> GetPlatformStatus(GetPlatformStatusRequest request, ServerCallContext context)
    {
        var figures = await grains.GetGrain<IPlatformStatusGrain>(DirectoryKeys.Platform).GetAsync();
        return new GetPlatformStatusResponse
        {
            Neighbourhoods = figures.Neighbourhoods,
            Coaches = figures.Coaches,
            Clients = figures.Clients,
            ClientsWithCoach = figures.ClientsWithCoach,
            ClientsWithinCut = figures.ClientsWithinCut,
            ClientsBeyondCut = figures.ClientsBeyondCut,
            ClientsNotAssessed = figures.ClientsNotAssessed,
            CaseloadCapacity = figures.CaseloadCapacity,
            CaseloadUsed = figures.CaseloadUsed,
            StorageProfile = info.Value.StorageProfile,
            HostName = Environment.MachineName,
            Version = Version,
        };
    }

    public override async Task<GetClusterStatusResponse> GetClusterStatus(GetClusterStatusRequest request, ServerCallContext context)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: !request.IncludeDeparted);
        var statistics = await management.GetSimpleGrainStatistics();
        var bySilo = statistics.ToLookup(s => s.SiloAddress);

        var response = new GetClusterStatusResponse
        {
            ClusterId = info.Value.ClusterId,
            ServiceId = info.Value.ServiceId,
            StorageProfile = info.Value.StorageProfile,
            AnsweredByRole = info.Value.Role,
            AnsweredByHost = Environment.MachineName,
            AnsweredByManagedHeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
        };
        foreach (var host in hosts.OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal))
        {
            var counts = Activations(bySilo[host.SiloAddress]);
            var silo = new Participatie.Contracts.V1.SiloStatus
            {
                Address = host.SiloAddress.ToParsableString(),
                Name = host.SiloName ?? "",
                HostName = host.HostName ?? "",
                State = State(host.Status),
                StartedAt = ContractMapping.Iso(new DateTimeOffset(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc))),
                LastAliveAt = ContractMapping.Iso(new DateTimeOffset(DateTime.SpecifyKind(host.IAmAliveTime, DateTimeKind.Utc))),
                Activations = counts.Sum(c => c.Activations),
            };
            silo.ActivationsByType.AddRange(counts);
            response.Silos.Add(silo);
        }

        response.ActiveSilos = response.Silos.Count(s => s.State == SiloState.Active);
        response.Activations.AddRange(Activations(statistics));
        response.TotalActivations = response.Activations.Sum(a => a.Activations);
        return response;
    }

    public override async Task<QueryAuditLogResponse> QueryAuditLog(QueryAuditLogRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var client = violations.Id("client_id", request.ClientId, IdKind.Client, required: false);
        var actor = violations.Text("actor_id", request.ActorId, 100, required: false);
        var action = violations.Text("action", request.Action, 100, required: false);
        if (action is not null && !AuditActionPattern().IsMatch(action))
        {
            violations.Add("action", "must be an action as the audit log names it: Service.Method, e.g. ClientService.GetClient");
        }

        var outcome = request.Outcome.Length == 0 ? null : request.Outcome;
        if (outcome is not null && !Enum.GetNames<StatusCode>().Contains(outcome, StringComparer.Ordinal))
        {
            violations.Add("outcome", "must be a gRPC status name as the audit log records it, e.g. OK or PermissionDenied");
        }

        var from = violations.Moment("from", request.From);
        var to = violations.Moment("to", request.To);
        if (from is not null && to is not null && to <= from)
        {
            violations.Add("to", "must be after from");
        }

        violations.ThrowIfAny();
        var (size, before) = RequestErrors.SequencePage(request.PageSize, request.PageToken);
        var page = await audit.QueryAsync(new AuditQuery(client, actor, from, to, before, size, action, outcome), context.CancellationToken);
        return new QueryAuditLogResponse
        {
            Entries = { page.Select(r => r.ToContract()) },
            NextPageToken = PageTokens.AfterSequence(page, size),
        };
    }

    public override async Task<CreatePartnerApiKeyResponse> CreatePartnerApiKey(CreatePartnerApiKeyRequest request, ServerCallContext context)
    {
        var partner = RequirePartner(request.PartnerId);
        var key = ApiKey.New(partner, auth.Value.EffectiveApiKeySecrets()[0]);
        var view = await grains.GetGrain<IPartnerKeyRingGrain>(partner).AddAsync(key.KeyId, key.SecretHash(), request.Description);
        return new CreatePartnerApiKeyResponse { Key = view.ToContract(), ApiKey = key.ToString() };
    }

    public override async Task<RevokePartnerApiKeyResponse> RevokePartnerApiKey(RevokePartnerApiKeyRequest request, ServerCallContext context)
    {
        // Key ids are issued as "k" + 12 hex digits; the partner is found through the key ring that issued it.
        var violations = new Violations();
        var parts = request.KeyId.Split('/');
        if (parts is not [var partnerId, var keyId] || !PartnerIds.IsValid(partnerId) || keyId.Length is < 2 or > 20)
        {
            violations.Add("key_id", "must be a key id as returned by CreatePartnerApiKey (partner-id/key-id)");
        }

        violations.ThrowIfAny();
        var view = await grains.GetGrain<IPartnerKeyRingGrain>(parts[0]).RevokeAsync(parts[1]);
        return new RevokePartnerApiKeyResponse { Key = view.ToContract() };
    }

    public override async Task<ListPartnerApiKeysResponse> ListPartnerApiKeys(ListPartnerApiKeysRequest request, ServerCallContext context)
    {
        var partner = RequirePartner(request.PartnerId);
        var keys = await grains.GetGrain<IPartnerKeyRingGrain>(partner).ListAsync();
        return new ListPartnerApiKeysResponse { Keys = { keys.Select(k => k.ToContract()) } };
    }

    private static string RequirePartner(string partnerId)
    {
        if (!PartnerIds.IsValid(partnerId))
        {
            var violations = new Violations();
            violations.Add("partner_id", "must be a partner id: pt- and lower-case letters, digits and hyphens");
            violations.ThrowIfAny();
        }

        return partnerId;
    }

    public override async Task<StartPaymentRunResponse> StartPaymentRun(StartPaymentRunRequest request, ServerCallContext context)
    {
        var run = await PaymentRun(request.Month).StartAsync(call.Subject);
        return new StartPaymentRunResponse { Run = run.ToContract() };
    }

    public override async Task<GetPaymentRunResponse> GetPaymentRun(GetPaymentRunRequest request, ServerCallContext context) =>
        new() { Run = (await PaymentRun(request.Month).GetAsync()).ToContract() };

    public override async Task ExportPayments(ExportPaymentsRequest request, IServerStreamWriter<ExportPaymentsResponse> responseStream, ServerCallContext context)
    {
        var run = PaymentRun(request.Month);
        // The first page decides the pass (the newest when none is asked) and is refused while that pass is not done;
        // the pass's totals, for the summary, are read after it.
        var page = await run.ExportAsync(request.Pass, null, ExportPageSize);
        var pass = (await run.GetAsync()).PassSummaries?.FirstOrDefault(p => p.Number == page.Pass);
        var summary = new PaymentExportSummary
        {
            Pass = page.Pass,
            RunPaid = (pass?.Paid ?? 0) + (pass?.Supplementary ?? 0),
            RunTotalCents = (pass?.PaidCents ?? 0) + (pass?.SupplementaryCents ?? 0),
            RunRecoveries = pass?.Recoveries ?? 0,
            RunRecoveryCents = pass?.RecoveryCents ?? 0,
        };
        while (true)
        {
            var message = new ExportPaymentsResponse();
            foreach (var line in page.Lines)
            {
                if (line.Kind == LineKind.Recovery)
                {
                    message.Recoveries.Add(Recovery(line));
                    summary.Recoveries++;
                    summary.RecoveryCents -= line.AmountCents;
                    continue;
                }

                var instruction = Instruction(line);
                message.Instructions.Add(instruction);
                summary.Instructions++;
                summary.TotalCents += instruction.TotalCents;
                summary.Supplementary += instruction.Kind == PaymentKind.Supplementary ? 1 : 0;
                summary.SupplementaryCents += instruction.Kind == PaymentKind.Supplementary ? instruction.TotalCents : 0;
                summary.MissingPaymentDetails += instruction.PaymentDetails == PaymentDetailsState.Missing ? 1 : 0;
                summary.UnreadablePaymentDetails += instruction.PaymentDetails == PaymentDetailsState.Unreadable ? 1 : 0;
            }

            if (page.Next is null)
            {
                message.Summary = summary;
            }

            await responseStream.WriteAsync(message, context.CancellationToken);
            if (page.Next is null)
            {
                return;
            }

            page = await run.ExportAsync(page.Pass, page.Next, ExportPageSize);
        }
    }

    /// <summary>An amount owed back: no BSN, as it is not a payment.</summary>
    private static PaymentRecovery Recovery(PaymentLine line) => new()
    {
        ClientId = line.ClientId,
        NeighbourhoodId = line.NeighbourhoodId,
        RunId = line.PaymentRunId ?? "",
        Pass = line.Pass,
        StatementVersion = line.Version,
        StatementTotalCents = line.TotalCents,
        AmountCents = -line.AmountCents,
        Reason = line.Reason ?? "",
        DecidedAt = line.At is { } at ? ContractMapping.Iso(at) : "",
    };

    /// <summary>An export line: the BSN decrypted here, in the only reply that carries it.</summary>
    private PaymentInstruction Instruction(PaymentLine line)
    {
        var instruction = new PaymentInstruction
        {
            ClientId = line.ClientId,
            TotalCents = line.AmountCents,
            NeighbourhoodId = line.NeighbourhoodId,
            RunId = line.PaymentRunId ?? "",
            PaymentDetails = PaymentDetailsState.Missing,
            Kind = line.Kind.ToContract(),
            Pass = line.Pass,
            StatementVersion = line.Version,
            StatementTotalCents = line.TotalCents,
            Reason = line.Reason ?? "",
        };
        if (line.EncryptedBsn is null)
        {
            return instruction;
        }

        try
        {
            instruction.Bsn = bsns.Unprotect(line.EncryptedBsn).Digits;
            instruction.PaymentDetails = PaymentDetailsState.Present;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            LogUnreadableBsn(logger, line.ClientId, line.EncryptedBsn.Split(':') is [_, var keyId, _] ? keyId : "?");
            instruction.PaymentDetails = PaymentDetailsState.Unreadable;
        }

        return instruction;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment details of {ClientId} are stored under BSN key {KeyId}, which is not configured (Privacy:BsnKeys)")]
    private static partial void LogUnreadableBsn(ILogger logger, string clientId, string keyId);

    /// <summary>An action as the audit log records it: the service and the method, e.g. ClientService.GetClient.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z][A-Za-z]*Service\\.[A-Z][A-Za-z]*$")]
    private static partial System.Text.RegularExpressions.Regex AuditActionPattern();

    /// <summary>The month decides the run's grain: <c>pay-yyyy-MM</c>.</summary>
    private IPaymentRunGrain PaymentRun(string month)
    {
        var violations = new Violations();
        var first = violations.Month("month", month);
        violations.ThrowIfAny();
        return grains.GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(first!.Value));
    }

    /// <summary>Counts per grain class name, most first; Orleans' own system targets are not grains and are not listed.</summary>
    private static List<GrainTypeActivations> Activations(IEnumerable<SimpleGrainStatistic> statistics) =>
        statistics
            .GroupBy(s => ShortName(s.GrainType), StringComparer.Ordinal)
            .Select(g => new GrainTypeActivations { GrainType = g.Key, Activations = g.Sum(s => s.ActivationCount) })
            .Where(a => a.Activations > 0)
            .OrderByDescending(a => a.Activations)
            .ThenBy(a => a.GrainType, StringComparer.Ordinal)
            .ToList();

    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        name = generic >= 0 ? name[..generic] : name;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name.ToString(CultureInfo.InvariantCulture);
    }

    private static SiloState State(OrleansSiloStatus status) => status switch
    {
        OrleansSiloStatus.Created or OrleansSiloStatus.Joining => SiloState.Joining,
        OrleansSiloStatus.Active => SiloState.Active,
        OrleansSiloStatus.ShuttingDown => SiloState.ShuttingDown,
        OrleansSiloStatus.Stopping => SiloState.Stopping,
        OrleansSiloStatus.Dead => SiloState.Dead,
        _ => SiloState.Unspecified,
    };
}
