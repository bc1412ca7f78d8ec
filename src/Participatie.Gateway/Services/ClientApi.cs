using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;
using Participatie.Gateway.Security.Audit;
using D = Participatie.Domain.People;

namespace Participatie.Gateway.Services;

/// <summary>ClientService: map the request, call the person's grain, map the reply.</summary>
public sealed class ClientApi(IGrainFactory grains, BsnProtector bsns, AuditLog audit, TimeProvider time, CallContext call) : ClientService.ClientServiceBase
{
    public const int MaxRequestIdLength = 100;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation("  "));

    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var requestId = violations.Text("request_id", request.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();

        var clientId = requestId is null ? Ids.NewClientId() : Ids.FromRequestKey(IdKind.Client, requestId);
        await call.ChangingAsync([clientId]);
        var client = await grains.GetGrain<IClientGrain>(clientId).RegisterAsync(new RegisterClientCommand(
            request.GivenName,
            request.FamilyName,
            request.DateOfBirth,
            (D.HouseholdType)(int)request.HouseholdType,
            request.Postcode,
            request.NeighbourhoodId,
            request.Factors.ToData(),
            call.Subject,
            requestId));
        return new RegisterClientResponse { Client = Shaped(client) };
    }

    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var client = await grains.GetGrain<IClientGrain>(id).GetAsync();
        return new GetClientResponse { Client = Shaped(client) };
    }

    public override async Task<AssessReintegrationResponse> AssessReintegration(AssessReintegrationRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var estimate = await grains.GetGrain<IClientGrain>(id).AssessAsync(request.Factors.ToData(), call.Subject);
        return new AssessReintegrationResponse { Estimate = estimate.ToContract() };
    }

    public override async Task<OverrideEstimateResponse> OverrideEstimate(OverrideEstimateRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var estimate = await grains.GetGrain<IClientGrain>(id).OverrideEstimateAsync(request.Months, request.Reason, request.CoachId);
        return new OverrideEstimateResponse { Estimate = estimate.ToContract() };
    }

    public override async Task<SetTeamInvolvementResponse> SetTeamInvolvement(SetTeamInvolvementRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var client = await grains.GetGrain<IClientRightsGrain>(id).SetTeamInvolvementAsync(request.Agreed);
        return new SetTeamInvolvementResponse { Client = Shaped(client) };
    }

    public override async Task<GetAccessLogResponse> GetAccessLog(GetAccessLogRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var (size, before) = RequestErrors.SequencePage(request.PageSize, request.PageToken);
        var page = await audit.QueryAsync(new AuditQuery(id, null, null, null, before, size), context.CancellationToken);
        return new GetAccessLogResponse
        {
            Entries = { page.Select(r => r.ToContract()) },
            NextPageToken = PageTokens.AfterSequence(page, size),
        };
    }

    public override async Task<ExportPersonDataResponse> ExportPersonData(ExportPersonDataRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var held = await grains.GetGrain<IClientRightsGrain>(id).ExportAsync();
        var contract = held.Contract;
        var log = new List<AuditRecord>();
        long? before = null;
        while (true)
        {
            var page = await audit.QueryAsync(new AuditQuery(id, null, null, null, before, 1000), context.CancellationToken);
            log.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            before = page[^1].Sequence;
        }

        // The person's own copy: nothing withheld from them, and the BSN only as "on file" (they know it).
        var export = new JsonObject
        {
            ["format"] = "participatie.person-export.v1",
            ["generatedAt"] = ContractMapping.Iso(time.GetUtcNow()),
            ["record"] = JsonNode.Parse(Json.Format(held.Record.ToContract())),
            ["socialContract"] = JsonNode.Parse(Json.Format(contract.Contract.ToContract())),
            ["contractHistory"] = Array(contract.History.Select(c => c.ToContract())),
            ["wellBeing"] = Array(contract.WellBeing.Select(w => w.ToContract())),
            ["contactJournal"] = Array(contract.Journal.Select(j => j.ToContract())),
            ["outflows"] = Array(contract.Outflows.Select(o => o.ToContract())),
            ["earnings"] = Array(contract.Earnings.Select(m => m.ToContract())),
            ["accessLog"] = new JsonArray([.. log.Select(r => JsonNode.Parse(Json.Format(r.ToContract())))]),
        };
        return new ExportPersonDataResponse { Json = export.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), GeneratedAt = export["generatedAt"]!.ToString() };
    }

    private static JsonArray Array(IEnumerable<IMessage> messages) => new([.. messages.Select(m => JsonNode.Parse(Json.Format(m)))]);

    public override async Task<EndCaseResponse> EndCase(EndCaseRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = violations.Id("client_id", request.ClientId, IdKind.Client);
        var endedOn = violations.Date("ended_on", request.EndedOn);
        violations.ThrowIfAny();
        var ended = await grains.GetGrain<IClientRightsGrain>(id!).EndCaseAsync(endedOn!.Value, request.Reason);
        return new EndCaseResponse { Client = Shaped(ended.Client), AnonymiseOn = ContractMapping.Iso(ended.AnonymiseOn) };
    }

    public override async Task<SetLegalHoldResponse> SetLegalHold(SetLegalHoldRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var client = await grains.GetGrain<IClientRightsGrain>(id).SetLegalHoldAsync(request.Hold, request.Reason);
        return new SetLegalHoldResponse { Client = Shaped(client) };
    }

    public override async Task<SetPaymentDetailsResponse> SetPaymentDetails(SetPaymentDetailsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = violations.Id("client_id", request.ClientId, IdKind.Client);
        if (!Bsn.TryParse(request.Bsn, out var bsn))
        {
            violations.Add("bsn", "must be 9 digits that pass the eleven-test");
        }

        violations.ThrowIfAny();
        var client = await grains.GetGrain<IClientRightsGrain>(id!).SetEncryptedBsnAsync(bsns.Protect(bsn));
        return new SetPaymentDetailsResponse { Client = Shaped(client) };
    }

    public override async Task<EnrolInActivityResponse> EnrolInActivity(EnrolInActivityRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = violations.Id("client_id", request.ClientId, IdKind.Client);
        var activityId = violations.Id("activity_id", request.ActivityId, IdKind.Activity);
        violations.ThrowIfAny();
        var enrolment = await grains.GetGrain<IActivityGrain>(activityId!).AgreeAsync(id!, call.Subject);
        return enrolment.ToContract();
    }

    public override async Task<GetParticipationResponse> GetParticipation(GetParticipationRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var activities = await grains.GetGrain<IClientRecordGrain>(id).GetParticipationInActivitiesAsync();
        return new GetParticipationResponse { Activities = { activities.Select(a => a.Held.ToContract(a.Title, a.PartnerName)) } };
    }

    public override async Task<ListClientsResponse> ListClients(ListClientsRequest request, ServerCallContext context)
    {
        var query = ClientLists.Query(request, call.Caller!);
        var page = await grains.GetGrain<IClientSearchGrain>(ClientSearchKeys.Any).ListAsync(query);
        return page.ToContract();
    }

    /// <summary>The record as this caller may see it: health only for the person and their own coach.</summary>
    private Client Shaped(ClientView client)
    {
        var contract = client.ToContract();
        return call.Caller?.Role is Role.Coach or Role.Person ? contract : contract.WithoutHealth();
    }

    public override async Task<GetRegimeResponse> GetRegime(GetRegimeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = violations.Id("client_id", request.ClientId, IdKind.Client);
        var day = violations.Date("date", request.Date, required: false);
        violations.ThrowIfAny();

        var regime = await grains.GetGrain<IClientBenefitsGrain>(id!).GetRegimeAsync(day);
        return new GetRegimeResponse
        {
            ClientId = id,
            Date = ContractMapping.Iso(regime.Day),
            Regime = regime.Regime.ToRegime(),
            Explanation = { regime.Explanation.Select(e => e.ToContract()) },
            Layers = { regime.Layers.Select(l => l.ToContract()) },
        };
    }

    public override async Task<StartTrajectoryResponse> StartTrajectory(StartTrajectoryRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var trajectory = await grains.GetGrain<IClientBenefitsGrain>(id).StartTrajectoryAsync(new StartTrajectoryCommand(
            request.Trajectory, request.From, request.Until, request.Consent.ToData(), call.Subject));
        return new StartTrajectoryResponse { Trajectory = trajectory.ToContract() };
    }

    public override async Task<EndTrajectoryResponse> EndTrajectory(EndTrajectoryRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var trajectory = await grains.GetGrain<IClientBenefitsGrain>(id).EndTrajectoryAsync(request.LastDay, call.Subject);
        return new EndTrajectoryResponse { Trajectory = trajectory.ToContract() };
    }

    public override async Task<ReportEarningsResponse> ReportEarnings(ReportEarningsRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var report = await grains.GetGrain<IClientBenefitsGrain>(id).ReportEarningsAsync(new ReportEarningsCommand(
            request.Month, request.NetEarningsCents, request.WorkHoursPerWeek, request.AdultsInHome, request.GroupSupport, call.Subject));
        return new ReportEarningsResponse { Report = report.ToContract() };
    }

    public override async Task<RecordSanctionResponse> RecordSanction(RecordSanctionRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var sanction = await grains.GetGrain<IClientBenefitsGrain>(id).RecordSanctionAsync(new RecordSanctionCommand(
            request.Reference, request.FirstMonth, request.Percent, request.Months, request.SpreadOverThreeMonths, call.Subject));
        return new RecordSanctionResponse { Sanction = sanction.ToContract() };
    }

    public override async Task<GetBenefitStatementResponse> GetBenefitStatement(GetBenefitStatementRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var statement = await grains.GetGrain<IClientBenefitsGrain>(id).GetBenefitStatementAsync(request.Month);
        return new GetBenefitStatementResponse { Statement = statement.ToContract() };
    }
}
