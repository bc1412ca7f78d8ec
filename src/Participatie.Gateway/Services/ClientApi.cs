using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using D = Participatie.Domain.People;

namespace Participatie.Gateway.Services;

/// <summary>ClientService: map the request, call the person's grain, map the reply.</summary>
public sealed class ClientApi(IGrainFactory grains) : ClientService.ClientServiceBase
{
    public const int MaxRequestIdLength = 100;

    public override async Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var requestId = violations.Text("request_id", request.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();

        var clientId = requestId is null ? Ids.NewClientId() : Ids.FromRequestKey(IdKind.Client, requestId);
        var client = await grains.GetGrain<IClientGrain>(clientId).RegisterAsync(new RegisterClientCommand(
            request.GivenName,
            request.FamilyName,
            request.DateOfBirth,
            (D.HouseholdType)(int)request.HouseholdType,
            request.Postcode,
            request.NeighbourhoodId,
            request.Factors.ToData(),
            request.RegisteredBy,
            requestId));
        return new RegisterClientResponse { Client = client.ToContract() };
    }

    public override async Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var client = await grains.GetGrain<IClientGrain>(id).GetAsync();
        return new GetClientResponse { Client = client.ToContract() };
    }

    public override async Task<AssessReintegrationResponse> AssessReintegration(AssessReintegrationRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var estimate = await grains.GetGrain<IClientGrain>(id).AssessAsync(request.Factors.ToData(), request.AssessedBy);
        return new AssessReintegrationResponse { Estimate = estimate.ToContract() };
    }

    public override async Task<OverrideEstimateResponse> OverrideEstimate(OverrideEstimateRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var estimate = await grains.GetGrain<IClientGrain>(id).OverrideEstimateAsync(request.Months, request.Reason, request.CoachId);
        return new OverrideEstimateResponse { Estimate = estimate.ToContract() };
    }

    public override async Task<GetRegimeResponse> GetRegime(GetRegimeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var id = violations.Id("client_id", request.ClientId, IdKind.Client);
        var day = violations.Date("date", request.Date, required: false);
        violations.ThrowIfAny();

        var regime = await grains.GetGrain<IClientGrain>(id!).GetRegimeAsync(day);
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
        var trajectory = await grains.GetGrain<IClientGrain>(id).StartTrajectoryAsync(new StartTrajectoryCommand(
            request.Trajectory, request.From, request.Until, request.Consent.ToData(), request.StartedBy));
        return new StartTrajectoryResponse { Trajectory = trajectory.ToContract() };
    }

    public override async Task<EndTrajectoryResponse> EndTrajectory(EndTrajectoryRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var trajectory = await grains.GetGrain<IClientGrain>(id).EndTrajectoryAsync(request.LastDay, request.EndedBy);
        return new EndTrajectoryResponse { Trajectory = trajectory.ToContract() };
    }

    public override async Task<ReportEarningsResponse> ReportEarnings(ReportEarningsRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var report = await grains.GetGrain<IClientGrain>(id).ReportEarningsAsync(new ReportEarningsCommand(
            request.Month, request.NetEarningsCents, request.WorkHoursPerWeek, request.AdultsInHome, request.GroupSupport, request.ReportedBy));
        return new ReportEarningsResponse { Report = report.ToContract() };
    }

    public override async Task<RecordSanctionResponse> RecordSanction(RecordSanctionRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var sanction = await grains.GetGrain<IClientGrain>(id).RecordSanctionAsync(new RecordSanctionCommand(
            request.Reference, request.FirstMonth, request.Percent, request.Months, request.SpreadOverThreeMonths, request.DecidedBy));
        return new RecordSanctionResponse { Sanction = sanction.ToContract() };
    }

    public override async Task<GetBenefitStatementResponse> GetBenefitStatement(GetBenefitStatementRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var statement = await grains.GetGrain<IClientGrain>(id).GetBenefitStatementAsync(request.Month);
        return new GetBenefitStatementResponse { Statement = statement.ToContract() };
    }
}
