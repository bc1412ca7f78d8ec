using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;

namespace Participatie.Gateway.Services;

/// <summary>CoachService. Assignments go through the person's grain, which holds the truth about their coach.</summary>
public sealed class CoachApi(IGrainFactory grains) : CoachService.CoachServiceBase
{
    public override async Task<CreateCoachResponse> CreateCoach(CreateCoachRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var requestId = violations.Text("request_id", request.RequestId, ClientApi.MaxRequestIdLength, required: false);
        violations.ThrowIfAny();

        var coachId = requestId is null ? Ids.NewCoachId() : Ids.FromRequestKey(IdKind.Coach, requestId);
        var coach = await grains.GetGrain<ICoachGrain>(coachId).CreateAsync(
            new CreateCoachCommand(request.DisplayName, request.CaseloadLimit, request.NeighbourhoodId, requestId));
        return new CreateCoachResponse { Coach = coach.ToContract() };
    }

    public override async Task<GetCoachResponse> GetCoach(GetCoachRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("coach_id", request.CoachId, IdKind.Coach);
        return new GetCoachResponse { Coach = (await grains.GetGrain<ICoachGrain>(id).GetAsync()).ToContract() };
    }

    public override async Task<AssignClientResponse> AssignClient(AssignClientRequest request, ServerCallContext context)
    {
        var (coachId, clientId) = CheckIds(request.CoachId, request.ClientId);
        var coach = grains.GetGrain<ICoachGrain>(coachId);
        await coach.GetAsync(); // NOT_FOUND for an unknown coach before the person's record is touched
        var previous = await grains.GetGrain<IClientGrain>(clientId).AssignCoachAsync(coachId);
        return new AssignClientResponse { Coach = (await coach.GetAsync()).ToContract(), PreviousCoachId = previous ?? string.Empty };
    }

    public override async Task<ReleaseClientResponse> ReleaseClient(ReleaseClientRequest request, ServerCallContext context)
    {
        var (coachId, clientId) = CheckIds(request.CoachId, request.ClientId);
        var coach = grains.GetGrain<ICoachGrain>(coachId);
        await coach.GetAsync();
        await grains.GetGrain<IClientGrain>(clientId).ReleaseCoachAsync(coachId);
        return new ReleaseClientResponse { Coach = (await coach.GetAsync()).ToContract() };
    }

    public override async Task<GetCaseloadResponse> GetCaseload(GetCaseloadRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var coachId = violations.Id("coach_id", request.CoachId, IdKind.Coach);
        violations.ThrowIfAny();
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);

        var page = await grains.GetGrain<ICoachGrain>(coachId!).GetCaseloadAsync(after, size);
        return new GetCaseloadResponse
        {
            Coach = page.Coach.ToContract(),
            Entries = { page.Entries.Select(e => e.ToContract()) },
            NextPageToken = PageTokens.Encode(page.NextAfter),
        };
    }

    private static (string CoachId, string ClientId) CheckIds(string coachId, string clientId)
    {
        var violations = new Violations();
        var coach = violations.Id("coach_id", coachId, IdKind.Coach);
        var client = violations.Id("client_id", clientId, IdKind.Client);
        violations.ThrowIfAny();
        return (coach!, client!);
    }
}
